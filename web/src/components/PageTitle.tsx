import { Typography } from 'antd';
import { useEffect, type CSSProperties, type ReactNode } from 'react';
import { useI18n } from '../i18n';

/** The document title of a page: what the page is, then the app's name, in the page's language. */
export function useDocumentTitle(title: string): void {
  const { t } = useI18n();
  const app = t('包联走访', 'Business outreach');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}

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
