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
