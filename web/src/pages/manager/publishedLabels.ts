import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { Definition } from '../../components/drilldown/types';
import { useI18n } from '../../i18n';

/** A figure's name in the page's language, from GET /reports/definitions; the figure's key until it is read. */
export function useFigureName(): (figure: string) => string {
  const { lang } = useI18n();
  const definitions = useQuery({
    queryKey: ['reports', 'definitions'],
    queryFn: ({ signal }) => api<Definition[]>('/reports/definitions', { signal }),
    staleTime: Infinity,
  });
  return (figure) => {
    const found = definitions.data?.find((d) => d.figure === figure);
    if (!found) return figure;
    return lang === 'en' ? found.name : found.nameZh;
  };
}
