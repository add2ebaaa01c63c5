import { lazy, type ComponentType } from 'react';

/**
 * A page in a chunk of its own (fetched when first opened), inside antd's App, which gives
 * `App.useApp()` its message, notification and modal. The App comes in a chunk of its own too.
 */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  return lazy(async () => {
    const [{ default: AntApp }, Page] = await Promise.all([import('antd/es/app'), load()]);
    const WithApp = () => (
      <AntApp>
        <Page />
      </AntApp>
    );
    return { default: WithApp };
  });
}

/**
 * A page in a chunk of its own without antd's App: for the official's first pages, which an
 * official on a slow network waits for (docs/web-app.md, page weight). Such a page must not call
 * `App.useApp()` (its message would be undefined); use `lazyPage` for one that does.
 */
export function lazyLightPage(load: () => Promise<ComponentType>): ComponentType {
  return lazy(async () => ({ default: await load() }));
}
