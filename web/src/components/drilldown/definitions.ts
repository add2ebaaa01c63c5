import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { Definition } from './types';

/**
 * The definition (口径) in force for each figure, by figure: the newest version GET
 * /reports/definitions lists. Read once a session; definitions change only with a release.
 */
export function useCurrentDefinitions(): Record<string, string> {
  const definitions = useQuery({
    queryKey: ['reports', 'definitions'],
    queryFn: ({ signal }) => api<Definition[]>('/reports/definitions', { signal }),
    staleTime: Infinity,
  });
  const current: Record<string, Definition> = {};
  for (const definition of definitions.data ?? []) {
    const seen = current[definition.figure];
    if (!seen || seen.version < definition.version) current[definition.figure] = definition;
  }
  return Object.fromEntries(Object.entries(current).map(([figure, d]) => [figure, d.id]));
}
