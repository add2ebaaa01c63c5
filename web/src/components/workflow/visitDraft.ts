/** A visit being written, kept in this browser until the service has it: a weak network loses nothing. */
export interface VisitDraftValues {
  /** Report-time-zone wall time, as the `datetime-local` input holds it. */
  visitedAt?: string;
  purpose?: string;
  notes?: string;
  policiesPromoted?: string[];
  problems?: { title?: string; category?: string; description?: string }[];
}

interface VisitDraft {
  values: VisitDraftValues;
  /** Made on the first submit and kept for every retry of this draft, so a retry creates nothing twice. */
  idempotencyKey?: string;
  savedAt: string;
}

/** One draft per user and enterprise. */
export function draftKey(userId: string, enterpriseId: string): string {
  return `outreach.visitDraft.${userId}.${enterpriseId}`;
}

export function loadDraft(key: string): VisitDraft | null {
  try {
    const saved = localStorage.getItem(key);
    return saved ? (JSON.parse(saved) as VisitDraft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, draft: VisitDraft): void {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the form still works, only without a draft.
  }
}

export function clearDraft(key: string): void {
  localStorage.removeItem(key);
}

/** A random UUID; pages served over plain HTTP (no secure context) have no crypto.randomUUID. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
