import type { Query } from '../../api';
import { addDays, startOfDay } from './periods';

/** A row of GET /problems (src/problems/problem-response.ts), the fields the list shows. */
export interface ProblemListItem {
  id: string;
  code: string;
  title: string;
  enterprise: { id: string; name: string; district: string };
  category: string;
  status: string;
  departmentId: string | null;
  reportedAt: string;
  dueAt: string | null;
  overdue: boolean;
  daysOpen: number;
  daysOverdue: number;
  escalated: boolean;
  supervisionLevel: 'reminder' | 'supervision' | 'listed' | null;
  bounced: boolean;
  lastEventType: string;
  lastEventAt: string;
}

/** Tag colours of the statuses, open ones warm, finished ones quiet. */
export const STATUS_COLORS: Record<string, string> = {
  reported: 'gold',
  assigned: 'blue',
  in_progress: 'processing',
  resolved: 'green',
  closed: 'default',
  withdrawn: 'default',
};

/** The list's sorts (ListProblemsQuery in src/problems/problem.dto.ts); a leading - is newest first. */
export const SORT_FIELDS = ['reportedAt', 'dueAt', 'lastActivityAt', 'daysOpen', 'daysOverdue'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const DEFAULT_SORT = '-reportedAt';

/**
 * The filters as the page's URL holds them, so a view can be bookmarked and saved. They are the
 * API's, except the report dates: `from` and `to` are calendar days, both included.
 */
export const FILTER_KEYS = [
  'q',
  'status',
  'departmentId',
  'district',
  'category',
  'overdue',
  'escalated',
  'bounced',
  'from',
  'to',
  'createdBy',
  'sort',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export function readFilters(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** The filters as a query string, keys always in the same order (saved views compare by it). */
export function filterSearch(filters: Filters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** The filters as GET /problems and GET /problems/export take them. */
export function apiFilters({ from, to, status, ...rest }: Filters): Query {
  return {
    ...rest,
    status: status?.split(','),
    reportedFrom: from ? startOfDay(from) : undefined,
    reportedTo: to ? startOfDay(addDays(to, 1)) : undefined,
  };
}

/**
 * The pages walked so far, as the `pages` parameter of the URL holds them: the cursor of each page
 * after the first, comma-separated (cursors are base64url, which has no comma). A reload or a shared
 * link returns to the same page; a new filter or page size starts again at the first.
 */
export const PAGES_KEY = 'pages';

export function readCursors(params: URLSearchParams): string[] {
  return (params.get(PAGES_KEY) ?? '').split(',').filter((cursor) => /^[A-Za-z0-9_-]+$/.test(cursor));
}

export function parseSort(sort: string | undefined): { field: SortField; descending: boolean } {
  const value = sort ?? DEFAULT_SORT;
  const descending = value.startsWith('-');
  const field = (descending ? value.slice(1) : value) as SortField;
  return SORT_FIELDS.includes(field) ? { field, descending } : { field: 'reportedAt', descending: true };
}
