import { DateTime } from 'luxon';
import type { ChecksumItem } from './checksum';

/**
 * The rules of reconciliation (口径核对): how a published figure's items differ from the figure
 * recomputed later, and why each one moved. Pure functions over rows the repository reads, so
 * the rules are tested on their own (reconciliation-rules.spec.ts).
 */

/** An item as a published list stores it or a recomputation gives it. */
export interface ComparedItem extends ChecksumItem {
  id: string;
  code: string;
  title: string;
  departmentNameAsOf: string | null;
}

export interface ItemDifference {
  itemKey: string;
  before: ComparedItem | null;
  after: ComparedItem | null;
}

/** Whether two versions of one item count the same way (what the checksum covers). */
export function sameCount(a: ChecksumItem, b: ChecksumItem): boolean {
  return a.inNumerator === b.inNumerator && a.statusAsOf === b.statusAsOf && a.departmentIdAsOf === b.departmentIdAsOf;
}

/** The items added, removed or counted differently, ordered by item key. */
export function differences(before: ComparedItem[], after: ComparedItem[]): ItemDifference[] {
  const then = new Map(before.map((item) => [item.itemKey, item]));
  const now = new Map(after.map((item) => [item.itemKey, item]));
  const keys = [...new Set([...then.keys(), ...now.keys()])].sort();
  const found: ItemDifference[] = [];
  for (const itemKey of keys) {
    const b = then.get(itemKey) ?? null;
    const a = now.get(itemKey) ?? null;
    if (b && a && sameCount(b, a)) continue;
    found.push({ itemKey, before: b, after: a });
  }
  return found;
}

/** The 409 of a publish that would store another list under the same identity: what differs, by code. */
export function summarise(found: ItemDifference[]): { added: string[]; removed: string[]; changed: string[] } {
  return {
    added: found.filter((d) => !d.before).map((d) => d.after!.code),
    removed: found.filter((d) => !d.after).map((d) => d.before!.code),
    changed: found.filter((d) => d.before && d.after).map((d) => d.after!.code),
  };
}

export const RECONCILIATION_REASONS = [
  'reopened',
  'resolved_later',
  'withdrawn',
  'entered_late',
  'reassigned',
  'returned',
  'signed_for_later',
  'closed_later',
  'department_renamed',
  'definition_changed',
  'changed_since',
] as const;
export type ReconciliationReasonCode = (typeof RECONCILIATION_REASONS)[number];

export interface Reason {
  code: ReconciliationReasonCode;
  /** When it happened; null for a comparison (a renamed department, a new definition). */
  at: string | null;
  text: string;
}

/** A problem event between the published instant and the reconciliation's. */
export interface LaterEvent {
  type: string;
  at: Date;
  departmentId: string | null;
  data: Record<string, unknown>;
}

/** What the rules know of an item's problem (null for enterprises and projects). */
export interface ProblemFacts {
  reportedAt: Date;
  /** Its `created` event: when it was entered. */
  enteredAt: Date | null;
  /** The code of the problem it was withdrawn as a duplicate of, if it was. */
  duplicateOfCode: string | null;
}

export interface ReasonContext {
  publishedAsOf: Date;
  periodFrom: Date;
  periodTo: Date;
  publishedDefinition: string;
  currentDefinition: string;
  /** Department names now, by id. */
  departments: Map<string, string>;
  timezone: string;
}

function day(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at).setZone(timezone).toFormat('yyyy-MM-dd HH:mm');
}

function name(id: string | null, context: ReasonContext): string {
  return id ? (context.departments.get(id) ?? id) : '—';
}

/**
 * Why one item moved: first the events after the published instant, in time order, then the
 * comparisons; `changed_since` when nothing names a cause (enterprises and projects, whose
 * histories these rules do not read).
 */
export function reasonsFor(
  difference: ItemDifference,
  problem: ProblemFacts | null,
  events: LaterEvent[],
  context: ReasonContext,
): Reason[] {
  const reasons: Reason[] = [];
  const at = (when: Date) => ({ at: when.toISOString(), when: day(when, context.timezone) });
  if (problem) {
    let department = difference.before?.departmentIdAsOf ?? null;
    for (const event of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
      const { at: iso, when } = at(event.at);
      if (event.type === 'reopen') {
        reasons.push({ code: 'reopened', at: iso, text: `${when} 重新打开` });
      } else if (event.type === 'verify' && event.data.satisfaction === 'unsatisfied') {
        reasons.push({ code: 'reopened', at: iso, text: `${when} 回访不满意，退回重办` });
      } else if (event.type === 'verify') {
        const rated = event.data.satisfaction === 'basically_satisfied' ? '基本满意' : '满意';
        reasons.push({ code: 'closed_later', at: iso, text: `${when} 回访${rated}，销号` });
      } else if (event.type === 'accept') {
        reasons.push({
          code: 'signed_for_later',
          at: iso,
          text: `${when} 由 ${name(event.departmentId, context)} 签收`,
        });
      } else if (event.type === 'return') {
        reasons.push({ code: 'returned', at: iso, text: `${when} 由 ${name(department, context)} 退回` });
      } else if (event.type === 'resolve') {
        reasons.push({ code: 'resolved_later', at: iso, text: `${when} 由 ${name(event.departmentId, context)} 办结` });
      } else if (event.type === 'withdraw') {
        const duplicate = problem.duplicateOfCode ?? (event.data.duplicateOf ? String(event.data.duplicateOf) : null);
        reasons.push({
          code: 'withdrawn',
          at: iso,
          text: duplicate ? `${when} 撤回（与 ${duplicate} 重复）` : `${when} 撤回`,
        });
      } else if (event.type === 'assign' && event.departmentId !== department && department !== null) {
        reasons.push({
          code: 'reassigned',
          at: iso,
          text: `${when} 由 ${name(department, context)} 改派至 ${name(event.departmentId, context)}`,
        });
      }
      if (event.departmentId !== null) department = event.departmentId;
    }
    const entered = problem.enteredAt;
    if (
      !difference.before &&
      entered !== null &&
      entered >= context.publishedAsOf &&
      problem.reportedAt >= context.periodFrom &&
      problem.reportedAt < context.periodTo
    ) {
      const { at: iso, when } = at(entered);
      reasons.unshift({
        code: 'entered_late',
        at: iso,
        text: `${when} 补录，登记日期 ${day(problem.reportedAt, context.timezone).slice(0, 10)} 在统计期内`,
      });
    }
  }
  const stored = difference.before;
  if (stored?.departmentIdAsOf && stored.departmentNameAsOf !== null) {
    const current = context.departments.get(stored.departmentIdAsOf);
    if (current !== undefined && current !== stored.departmentNameAsOf) {
      reasons.push({
        code: 'department_renamed',
        at: null,
        text: `责任单位已由“${stored.departmentNameAsOf}”更名为“${current}”`,
      });
    }
  }
  if (context.publishedDefinition !== context.currentDefinition) {
    reasons.push({
      code: 'definition_changed',
      at: null,
      text: `口径由 ${context.publishedDefinition} 改为 ${context.currentDefinition}`,
    });
  }
  if (reasons.length === 0) {
    reasons.push({ code: 'changed_since', at: null, text: changedText(difference) });
  }
  return reasons;
}

function changedText({ before, after }: ItemDifference): string {
  if (!before) return '发布后新计入';
  if (!after) return '发布后不再计入';
  if (before.inNumerator !== after.inNumerator) return after.inNumerator ? '发布后计入分子' : '发布后移出分子';
  return '发布后状态或责任单位有变';
}
