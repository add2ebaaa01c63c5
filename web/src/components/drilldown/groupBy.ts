/** A grouping's name, as the definitions list them. */
export function groupByLabel(groupBy: string, t: (zh: string, en: string) => string): string {
  const names: Record<string, [string, string]> = {
    department: ['责任单位', 'Department'],
    district: ['县区', 'District'],
    category: ['问题类别', 'Category'],
    industry: ['行业', 'Industry'],
    official: ['包联干部', 'Official'],
    tier: ['企业层级', 'Tier'],
  };
  const name = names[groupBy];
  return name ? t(name[0], name[1]) : groupBy;
}

/**
 * A published figure's group in words: the group's name when it is one group, "by department" and
 * the like when it is every group of a grouping, nothing when it is not grouped.
 */
export function publishedGroup(
  figure: { groupBy?: string; group?: string | null; groupLabel?: string | null },
  t: (zh: string, en: string) => string,
): string {
  if (!figure.groupBy) return t('全部', 'All');
  const by = groupByLabel(figure.groupBy, t);
  // A grouping is published one group at a time: null is the group without a key (未交办 and the like).
  if (figure.group === undefined) return t(`按${by}分组`, `By ${by.toLowerCase()}`);
  return `${by}: ${figure.groupLabel ?? figure.group ?? t('无', 'none')}`;
}
