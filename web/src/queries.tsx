import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useAuth } from './auth';

/**
 * The service's data as the pages last read it, through TanStack Query. Each sign-in gets its own
 * cache, so nothing one user read is shown to the next. A failed read is shown with its error and
 * a way to try again rather than repeated silently; a page that comes back to the front reads
 * again only when it mounts, as it always has.
 */
export function ServerState({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  return <SessionCache key={user?.id ?? ''}>{children}</SessionCache>;
}

function SessionCache({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
