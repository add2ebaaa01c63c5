import { Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useDocumentTitle } from './documentTitle';

interface Props {
  /** The page's name for the browser's tab and history (and screen readers' page announcements). */
  title: string;
  /** What the heading shows; the title when left out. */
  children?: ReactNode;
  style?: CSSProperties;
  testId?: string;
}

/**
 * The one `h1` of a page, at the size the pages had for their headings, and the document title
 * that goes with it. Every page renders exactly one.
 */
export function PageTitle({ title, children, style, testId }: Props) {
  useDocumentTitle(title);
  return (
    <Typography.Title level={1} style={{ fontSize: 22, lineHeight: 1.35, margin: 0, ...style }} data-testid={testId}>
      {children ?? title}
    </Typography.Title>
  );
}
