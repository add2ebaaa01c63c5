import { useCallback, useState } from 'react';

export interface SavedView {
  name: string;
  /** The filters as a query string (filterSearch). */
  search: string;
}

const storageKey = (userId: string) => `outreach.problemViews.${userId}`;

function load(userId: string): SavedView[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]');
    return Array.isArray(saved)
      ? saved.filter((v: unknown): v is SavedView => {
          const view = v as Partial<Record<keyof SavedView, unknown>> | null;
          return typeof view?.name === 'string' && typeof view?.search === 'string';
        })
      : [];
  } catch {
    return [];
  }
}

/** Named filter sets of the resolution list, kept in this browser for this user. */
export function useSavedViews(userId: string) {
  const [views, setViews] = useState(() => load(userId));
  const store = useCallback(
    (next: SavedView[]) => {
      localStorage.setItem(storageKey(userId), JSON.stringify(next));
      setViews(next);
    },
    [userId],
  );
  const save = (view: SavedView) =>
    store([...views.filter((v) => v.name !== view.name), view].sort((a, b) => a.name.localeCompare(b.name)));
  const remove = (name: string) => store(views.filter((v) => v.name !== name));
  return { views, save, remove };
}
