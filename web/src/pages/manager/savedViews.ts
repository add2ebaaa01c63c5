import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, ApiError } from '../../api';
import type { components } from '../../api/schema';

type SavedViewResponse = components['schemas']['SavedViewResponse'];

export interface SavedView {
  id: string;
  name: string;
  /** The filters as a query string (filterSearch). */
  search: string;
}

const QUERY_KEY = ['me', 'saved-views'];

/** Where this browser kept a user's views before the service did. */
const legacyKey = (userId: string) => `outreach.problemViews.${userId}`;

function legacyViews(userId: string): { name: string; search: string }[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(legacyKey(userId)) ?? '[]');
    return Array.isArray(saved)
      ? saved.filter((v: unknown): v is { name: string; search: string } => {
          const view = v as { name?: unknown; search?: unknown } | null;
          return typeof view?.name === 'string' && typeof view?.search === 'string';
        })
      : [];
  } catch {
    return [];
  }
}

/** Users whose browser views are being moved right now (a second mount must not send them twice). */
const moving = new Set<string>();

/**
 * Sends the views this browser kept for the user to the service, once, then forgets them here. A
 * name the user already has in the service keeps the service's view; anything the service refuses
 * for good (a bad name, the cap) is dropped rather than retried on every visit.
 */
async function moveLegacyViews(userId: string): Promise<boolean> {
  const views = legacyViews(userId);
  if (!views.length) {
    localStorage.removeItem(legacyKey(userId));
    return false;
  }
  for (const view of views) {
    try {
      await api('/me/saved-views', {
        method: 'POST',
        body: { name: view.name.trim().slice(0, 40), query: view.search },
      });
    } catch (error) {
      // A refusal (409, 400) will not change on the next visit; anything else (offline) is tried again then.
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
    }
  }
  localStorage.removeItem(legacyKey(userId));
  return true;
}

/** The signed-in user's named filter sets of the resolution list, kept by the service. */
export function useSavedViews(userId: string) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: QUERY_KEY,
    queryFn: () => api<SavedViewResponse[]>('/me/saved-views'),
  });
  const refresh = () => client.invalidateQueries({ queryKey: QUERY_KEY });

  useEffect(() => {
    if (moving.has(userId) || localStorage.getItem(legacyKey(userId)) === null) return;
    moving.add(userId);
    moveLegacyViews(userId)
      .then((moved) => {
        if (moved) void client.invalidateQueries({ queryKey: QUERY_KEY });
      })
      .catch(() => undefined)
      .finally(() => moving.delete(userId));
  }, [userId, client]);

  const saveMutation = useMutation({
    mutationFn: (view: { name: string; search: string }) =>
      api<SavedViewResponse>('/me/saved-views', {
        method: 'POST',
        body: { name: view.name, query: view.search, replace: true },
      }),
    onSettled: refresh,
  });
  const removeMutation = useMutation({
    mutationFn: (id: string) => api<void>(`/me/saved-views/${id}`, { method: 'DELETE' }),
    onSettled: refresh,
  });

  const views: SavedView[] = (query.data ?? []).map((view) => ({ id: view.id, name: view.name, search: view.query }));
  return {
    views,
    loading: query.isPending,
    error: query.error,
    save: (view: { name: string; search: string }) => saveMutation.mutateAsync(view),
    remove: (id: string) => removeMutation.mutateAsync(id),
    saving: saveMutation.isPending,
  };
}
