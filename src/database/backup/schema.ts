/** The tables of schema public as a backup sees them: columns, primary keys, references, and the order parents first. */
import { DataSource, QueryRunner } from 'typeorm';

interface Column {
  name: string;
  nullable: boolean;
  generated: boolean;
  identityAlways: boolean;
}

interface ForeignKey {
  columns: string[];
  references: string;
}

export interface TableInfo {
  name: string;
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables excluded from backups: TypeORM's own bookkeeping. */
export function bookkeepingTables(db: DataSource): string[] {
  return [db.options.migrationsTableName ?? 'migrations', 'typeorm_metadata'];
}

/** Every table of schema public but the migrations table, parents before the tables that reference them. */
export async function readSchema(q: QueryRunner, excluded: string[]): Promise<TableInfo[]> {
  const tables: { name: string }[] = await q.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY ($1))
      ORDER BY table_name`,
    [excluded],
  );
  const columns: { table: string; name: string; nullable: boolean; generated: boolean; identityAlways: boolean }[] =
    await q.query(
      `SELECT table_name AS table, column_name AS name, is_nullable = 'YES' AS nullable,
              is_generated = 'ALWAYS' AS generated, identity_generation IS NOT DISTINCT FROM 'ALWAYS' AS "identityAlways"
         FROM information_schema.columns WHERE table_schema = 'public'
        ORDER BY table_name, ordinal_position`,
    );
  const constraints: { table: string; type: 'p' | 'f'; references: string | null; columns: string[] }[] = await q.query(
    `SELECT src.relname::text AS table, c.contype::text AS type, dst.relname::text AS references,
              array_agg(a.attname::text ORDER BY k.ord) AS columns
         FROM pg_constraint c
         JOIN pg_class src ON src.oid = c.conrelid
         LEFT JOIN pg_class dst ON dst.oid = c.confrelid
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.contype IN ('p', 'f') AND src.relnamespace = 'public'::regnamespace
        GROUP BY c.oid, src.relname, c.contype, dst.relname
        ORDER BY c.conname`,
  );
  const infos = new Map<string, TableInfo>(
    tables.map(({ name }) => [name, { name, columns: [], primaryKey: [], foreignKeys: [] }]),
  );
  for (const { table, ...column } of columns) infos.get(table)?.columns.push(column);
  for (const c of constraints) {
    const info = infos.get(c.table);
    if (!info) continue;
    if (c.type === 'p') info.primaryKey = c.columns;
    else if (c.references !== null) info.foreignKeys.push({ columns: c.columns, references: c.references });
  }
  return dependencyOrder([...infos.values()]);
}

/**
 * Parents first (Kahn's algorithm, by name among the ready ones, so the order is stable). A cycle
 * (none today) is broken at its first table by name; the restore fills the references that point
 * forward after every row is in.
 */
function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const waitsFor = (t: TableInfo) =>
    t.foreignKeys.some((fk) => fk.references !== t.name && remaining.has(fk.references));
  while (remaining.size > 0) {
    const ready = [...remaining.values()].filter((t) => !waitsFor(t));
    const next = ready.length > 0 ? ready : [[...remaining.values()][0]!];
    for (const t of next) {
      ordered.push(t);
      remaining.delete(t.name);
    }
  }
  return ordered;
}
