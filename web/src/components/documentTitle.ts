import { useEffect } from 'react';
import { useI18n } from '../i18n';

/**
 * The document title of a page: what the page is, then the app's name, in the page's language.
 * Apart from `PageTitle` (which brings antd's Typography) so that the sign-in page, in the first
 * script, can set its title without it (docs/web-app.md, page weight).
 */
export function useDocumentTitle(title: string): void {
  const { t } = useI18n();
  const app = t('包联走访', 'Business outreach');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
