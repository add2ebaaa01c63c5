import { App as AntApp } from 'antd';
import { Layout } from './Layout';

/**
 * The frame of the signed-in pages with antd's App (the pages' message and modal hooks): loaded
 * after sign-in as a chunk of its own (App.tsx), so the sign-in page does not wait for it.
 */
export function SignedInFrame() {
  return (
    <AntApp>
      <Layout />
    </AntApp>
  );
}
