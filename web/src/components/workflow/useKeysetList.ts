import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Query } from '../../api';
import type { Page } from './types';

export interface KeysetList<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * A list read page by page with the service's keyset cursor (`nextCursor` → `cursor`). A new
 * query starts over; an answer to an outdated query is dropped.
 */
export function useKeysetList<T>(path: string, query: Query): KeysetList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const current = useRef(0);
  const queryKey = JSON.stringify(query);

  const fetchPage = useCallback(
    async (after: string | null, ticket: number) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api<Page<T>>(path, { query: { ...(JSON.parse(queryKey) as Query), cursor: after } });
        if (ticket !== current.current) return;
        setItems((previous) => (after ? [...previous, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (caught) {
        if (ticket === current.current) setError(caught);
      } finally {
        if (ticket === current.current) setLoading(false);
      }
    },
    [path, queryKey],
  );

  useEffect(() => {
    const ticket = ++current.current;
    setItems([]);
    setCursor(null);
    void fetchPage(null, ticket);
  }, [fetchPage, generation]);

  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: () => {
      if (cursor && !loading) void fetchPage(cursor, current.current);
    },
    reload: () => setGeneration((n) => n + 1),
  };
}
