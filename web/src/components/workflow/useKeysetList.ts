import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
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
 * A list read page by page with the service's keyset cursor (`nextCursor` → `cursor`), as one
 * infinite query per path and query: a new query starts over at its first page, and an answer to
 * an outdated query only fills that query's cache.
 */
export function useKeysetList<T>(path: string, query: Query): KeysetList<T> {
  const client = useQueryClient();
  const queryKey = ['keyset', path, query];
  const list = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => api<Page<T>>(path, { query: { ...query, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  return {
    items: list.data?.pages.flatMap((page) => page.items) ?? [],
    loading: list.isFetching,
    // A retry shows the spinner again, not the error it is retrying.
    error: list.isFetching ? null : list.error,
    hasMore: list.hasNextPage,
    loadMore: () => {
      if (list.hasNextPage && !list.isFetching) void list.fetchNextPage();
    },
    // Again from the first page, as after a new query (refetch would walk every page read so far).
    reload: () => void client.resetQueries({ queryKey, exact: true }),
  };
}
