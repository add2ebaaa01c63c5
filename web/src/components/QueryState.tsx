import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../errors';
import { useI18n } from '../i18n';

/** What a failed read needs to be shown: the error, a way to read again, and whether that is under way. */
export interface ReadState {
  error: unknown;
  retry: () => void;
  retrying?: boolean;
}

/** A TanStack query as a ReadState: its error, its refetch, its fetching flag. */
export function readState(query: { error: unknown; refetch: () => unknown; isFetching: boolean }): ReadState {
  return { error: query.error, retry: () => void query.refetch(), retrying: query.isFetching };
}

/**
 * The error of a read that failed (429, 503, no network, …) with a retry button, in the place of
 * the figures or the list it stands for: nothing below shows zeros or "nothing here" that the
 * service never sent.
 */
export function QueryError({ error, retry, retrying, title }: ReadState & { title?: string }) {
  const { t } = useI18n();
  const message = errorMessage(error, t);
  return (
    <div data-testid="query-error" role="alert">
      <Alert
        type="error"
        showIcon
        title={title ? `${title}: ${message}` : message}
        action={
          <Button size="small" onClick={retry} loading={retrying} aria-label={t('重试', 'Retry')}>
            {t('重试', 'Retry')}
          </Button>
        }
      />
    </div>
  );
}

/** The children when the read has not failed; the error and its retry in their place when it has. */
export function QueryState({ children, ...state }: ReadState & { title?: string; children: ReactNode }) {
  if (state.error) return <QueryError {...state} />;
  return <>{children}</>;
}
