import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { api } from './api';
import type { components } from './api/schema';
import { useAuth } from './auth';
import { useI18n } from './i18n';

/** Reference data every page labels things with, loaded once per sign-in (shapes from api/schema.d.ts). */
export type Coded = components['schemas']['DistrictResponse'];
export type Category = components['schemas']['CategoryResponse'];
export type Department = components['schemas']['DepartmentResponse'];

export interface Reference {
  loaded: boolean;
  /** Set when the reference data could not be loaded; reload() tries again. */
  error: unknown;
  districts: Coded[];
  categories: Category[];
  departments: Department[];
  statuses: Coded[];
  reload: () => void;
}

const ReferenceContext = createContext<Reference | null>(null);

export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const query = useQuery({
    queryKey: ['reference'],
    queryFn: async ({ signal }) => {
      const [districts, categories, departments, statuses] = await Promise.all([
        api<Coded[]>('/districts', { signal }),
        api<Category[]>('/categories', { signal }),
        api<Department[]>('/departments', { signal }),
        api<Coded[]>('/statuses', { signal }),
      ]);
      return { districts, categories, departments, statuses };
    },
    enabled: !!user,
    staleTime: Infinity,
  });
  const { data, error, refetch } = query;
  const value = useMemo<Reference>(
    () => ({
      loaded: !!data,
      error,
      districts: data?.districts ?? [],
      categories: data?.categories ?? [],
      departments: data?.departments ?? [],
      statuses: data?.statuses ?? [],
      reload: () => void refetch(),
    }),
    [data, error, refetch],
  );
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReference(): Reference {
  const value = useContext(ReferenceContext);
  if (!value) throw new Error('useReference outside ReferenceProvider');
  return value;
}

/** Labels in the chosen language: status, category, district, department by code or id. */
export function useLabels() {
  const reference = useReference();
  const { lang } = useI18n();
  const named = (list: Coded[], code: string | null | undefined) => {
    const item = list.find((entry) => entry.code === code);
    if (!item) return code ?? '—';
    return lang === 'en' && item.nameEn ? item.nameEn : item.name;
  };
  return {
    status: (code: string) => named(reference.statuses, code),
    category: (code: string | null | undefined) => named(reference.categories, code),
    district: (code: string | null | undefined) => named(reference.districts, code),
    department: (id: string | null | undefined) => reference.departments.find((d) => d.id === id)?.name ?? '—',
  };
}
