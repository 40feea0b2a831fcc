import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';

export interface TableInfo {
  name: string;
  /** Columns that hold data (generated columns are recomputed on restore). */
  columns: string[];
  /** Serial/identity columns whose sequences must be moved past the restored values. */
  serialColumns: string[];
}

function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/**
 * The application's tables in the `public` schema, ordered so that every table comes after the
 * tables its foreign keys point to (so rows can be inserted in this order).
 */
export async function findTablesInDependencyOrder(db: Queryable): Promise<TableInfo[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((row) => row.name);
  const edges = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`),
  );
  const columns = rowsOf<{
    table_name: string;
    column_name: string;
    is_generated: string;
    column_default: string | null;
    is_identity: string;
  }>(
    await db.execute(sql`select table_name, column_name, is_generated, column_default, is_identity
      from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`),
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, '');
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const edge of edges) {
      if (unquote(edge.child) === table && unquote(edge.parent) !== table) visit(unquote(edge.parent));
    }
    visiting.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered.map((name) => {
    const own = columns.filter((column) => column.table_name === name);
    return {
      name,
      columns: own.filter((column) => column.is_generated !== 'ALWAYS').map((column) => column.column_name),
      serialColumns: own
        .filter(
          (column) => column.is_identity === 'YES' || (column.column_default ?? '').startsWith('nextval('),
        )
        .map((column) => column.column_name),
    };
  });
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** All rows of a table as JSON objects (the database's own JSON rendering of every type). */
export async function selectTableRowsAsJson(
  db: Queryable,
  table: TableInfo,
): Promise<Record<string, unknown>[]> {
  const columnList = table.columns.map(quote).join(', ');
  const rows = rowsOf<{ row: Record<string, unknown> | string }>(
    await db.execute(
      sql.raw(
        `select row_to_json(t) as row from (select ${columnList} from ${quote(table.name)} order by 1) t`,
      ),
    ),
  );
  return rows.map((row) =>
    typeof row.row === 'string' ? (JSON.parse(row.row) as Record<string, unknown>) : row.row,
  );
}

export async function countRows(db: Queryable, tableName: string): Promise<number> {
  const [row] = rowsOf<{ count: number | string }>(
    await db.execute(sql.raw(`select count(*)::int as count from ${quote(tableName)}`)),
  );
  return Number(row?.count ?? 0);
}

/** Inserts JSON rows back through the database's own type parsing (json_populate_recordset). */
export async function insertRowsFromJson(
  db: Queryable,
  table: TableInfo,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columnList = table.columns.map(quote).join(', ');
  await db.execute(
    sql`${sql.raw(`insert into ${quote(table.name)} (${columnList}) select ${columnList} from json_populate_recordset(null::${quote(table.name)}, `)}${JSON.stringify(rows)}${sql.raw('::json)')}`,
  );
}

/** Moves serial/identity sequences past the highest restored value. */
export async function resetSequences(db: Queryable, table: TableInfo): Promise<void> {
  for (const column of table.serialColumns) {
    await db.execute(
      sql.raw(
        `select setval(pg_get_serial_sequence('${quote(table.name)}', '${column}'), coalesce((select max(${quote(column)}) from ${quote(table.name)}), 0) + 1, false)`,
      ),
    );
  }
}
