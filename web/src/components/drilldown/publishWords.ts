type T = (zh: string, en: string) => string;

/** The codes an error body's difference lists under `key`, if it lists any. */
function codesAt(value: unknown, key: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const found = (value as Record<string, unknown>)[key];
  return Array.isArray(found) ? found.filter((code): code is string => typeof code === 'string') : [];
}

/** At most five codes, then how many more. */
function someCodes(codes: string[], t: T): string {
  const shown = codes.slice(0, 5).join(', ');
  return codes.length > 5 ? t(`${shown} 等 ${codes.length} 项`, `${shown} and ${codes.length - 5} more`) : shown;
}

/**
 * A 409 PUBLISHED_DIFFERS in words: this figure was already published for the same period,
 * instant and group with other items. The body lists the items added, removed and changed since;
 * whatever of that is there is said, and the service's own message when nothing is.
 */
export function differenceInWords(body: Record<string, unknown>, message: string, t: T): string {
  const difference = body.difference;
  const added = codesAt(difference, 'added');
  const removed = codesAt(difference, 'removed');
  const changed = codesAt(difference, 'changed');
  const parts: string[] = [];
  if (added.length) parts.push(t(`新增 ${someCodes(added, t)}`, `added ${someCodes(added, t)}`));
  if (removed.length) parts.push(t(`减少 ${someCodes(removed, t)}`, `removed ${someCodes(removed, t)}`));
  if (changed.length) parts.push(t(`变化 ${someCodes(changed, t)}`, `changed ${someCodes(changed, t)}`));
  const detail = parts.length
    ? t(`与已发布的相比：${parts.join('；')}`, `Against the published one: ${parts.join('; ')}`)
    : message;
  return t(
    `此指标的同一期间、时点与分组已按不同的明细发布过，本次未发布。${detail}`,
    `This figure was already published for the same period, instant and group with other items, so nothing was published. ${detail}`,
  );
}
