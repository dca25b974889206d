// Two views of the same database schema, in one comparable shape:
// - what prisma/schema.prisma declares, read through Prisma's own DMMF (the
//   WASM schema parser of the engines this Prisma version ships, offline);
// - what a migrated database actually has, read from pg_catalog.
// No table or column is written down here by hand.
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import type { SqlSession } from '@/lib/db/sql';

export interface ColumnShape {
  type: string;
  nullable: boolean;
  default: string | null;
}
export interface IndexShape {
  name: string;
  columns: string[];
}
export interface ForeignKeyShape {
  name: string;
  columns: string[];
  references: string; // "Table(col, …)"
  onDelete: string;
  onUpdate: string;
}
export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: IndexShape | null;
  uniqueIndexes: IndexShape[];
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
}
export interface SchemaShape {
  tables: Record<string, TableShape>;
  enums: Record<string, string[]>;
}

// ---- declared: schema.prisma → DMMF → shape --------------------------------

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[] | null;
  relationToFields?: string[] | null;
  relationOnDelete?: string | null;
  relationOnUpdate?: string | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  fields: { name: string }[];
}
interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };
}

export function readDmmf(schemaText: string): Dmmf {
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schemaText]] }))) as Dmmf;
}

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

export function declaredSchema(schemaText: string): SchemaShape {
  const { datamodel } = readDmmf(schemaText);
  const enumDbName = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const modelByName = new Map(datamodel.models.map((m) => [m.name, m]));
  const tableName = (model: DmmfModel) => model.dbName ?? model.name;
  const column = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    if (!field) throw new Error(`${model.name}.${fieldName} not found in DMMF`);
    return field.dbName ?? field.name;
  };

  const tables: Record<string, TableShape> = {};
  for (const model of datamodel.models) {
    const table = tableName(model);
    const shape: TableShape = { columns: {}, primaryKey: null, uniqueIndexes: [], indexes: [], foreignKeys: [] };
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields?.length) {
          const target = modelByName.get(field.type)!;
          const columns = field.relationFromFields.map((f) => column(model, f));
          shape.foreignKeys.push({
            // Prisma's default constraint name (a relation's `map:` is not in the DMMF).
            name: `${table}_${columns.join('_')}_fkey`,
            columns,
            references: `${tableName(target)}(${(field.relationToFields ?? []).map((f) => column(target, f)).join(', ')})`,
            // Prisma's defaults: Restrict for required relations, SetNull for optional ones; updates cascade.
            onDelete: REFERENTIAL_ACTIONS[field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull')]!,
            onUpdate: REFERENTIAL_ACTIONS[field.relationOnUpdate ?? 'Cascade']!,
          });
        }
        continue;
      }
      shape.columns[field.dbName ?? field.name] = {
        type: columnType(field, enumDbName),
        // Prisma renders scalar lists as nullable array columns.
        nullable: field.isList || !field.isRequired,
        default: columnDefault(field, datamodel.enums),
      };
    }
    for (const index of datamodel.indexes.filter((i) => i.model === model.name)) {
      const columns = index.fields.map((f) => column(model, f.name));
      const suffix = { id: 'pkey', unique: 'key', normal: 'idx', fulltext: 'idx' }[index.type];
      // Prisma's naming convention unless the schema gives a `map:`.
      const name = index.dbName ?? (index.type === 'id' ? `${table}_pkey` : `${table}_${columns.join('_')}_${suffix}`);
      if (index.type === 'id') shape.primaryKey = { name, columns };
      else if (index.type === 'unique') shape.uniqueIndexes.push({ name, columns });
      else shape.indexes.push({ name, columns });
    }
    tables[table] = sortShape(shape);
  }
  const enums = Object.fromEntries(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  return { tables, enums };
}

// How Prisma's postgres connector renders each scalar type (schema-engine's
// postgres renderer), spelled the way pg_catalog's format_type prints it.
function columnType(field: DmmfField, enumDbName: Map<string, string>): string {
  let base: string;
  if (field.kind === 'enum') {
    base = enumDbName.get(field.type)!;
  } else if (field.nativeType) {
    base = nativeType(field.nativeType);
  } else {
    const defaults: Record<string, string> = {
      String: 'text',
      Int: 'integer',
      BigInt: 'bigint',
      Float: 'double precision',
      Decimal: 'numeric(65,30)',
      Boolean: 'boolean',
      DateTime: 'timestamp(3) without time zone',
      Json: 'jsonb',
      Bytes: 'bytea',
    };
    const mapped = defaults[field.type];
    if (!mapped) throw new Error(`schema-shape: no column type known for ${field.type}; extend columnType()`);
    base = mapped;
  }
  return field.isList ? `${base}[]` : base;
}

function nativeType([name, args]: [string, string[]]): string {
  const n = args.join(',');
  switch (name) {
    case 'Text':
      return 'text';
    case 'VarChar':
      return n ? `character varying(${n})` : 'character varying';
    case 'Char':
      return `character(${n || 1})`;
    case 'Uuid':
      return 'uuid';
    case 'Integer':
      return 'integer';
    case 'SmallInt':
      return 'smallint';
    case 'BigInt':
      return 'bigint';
    case 'Timestamp':
      return `timestamp(${n || 6}) without time zone`;
    case 'Timestamptz':
      return `timestamp(${n || 6}) with time zone`;
    case 'Date':
      return 'date';
    case 'JsonB':
      return 'jsonb';
    case 'Json':
      return 'json';
    default:
      throw new Error(`schema-shape: native type @db.${name} is not mapped; extend nativeType()`);
  }
}

// Defaults the database holds (cuid()/uuid() and @updatedAt are filled in by
// Prisma Client, so the column has none), as pg_get_expr prints them.
function columnDefault(field: DmmfField, enums: DmmfEnum[]): string | null {
  const value = field.default;
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && !Array.isArray(value) && 'name' in value) {
    const fn = (value as { name: string }).name;
    if (fn === 'now') return 'CURRENT_TIMESTAMP';
    if (fn === 'cuid' || fn === 'uuid' || fn === 'nanoid' || fn === 'ulid') return null;
    if (fn === 'autoincrement') return 'nextval';
    throw new Error(`schema-shape: default ${fn}() is not mapped; extend columnDefault()`);
  }
  if (field.kind === 'enum' && typeof value === 'string') {
    const e = enums.find((x) => x.name === field.type)!;
    const dbValue = e.values.find((v) => v.name === value)?.dbName ?? value;
    const typeName = e.dbName ?? e.name;
    // pg_get_expr quotes the type name only when it has to.
    return `'${dbValue}'::${/^[a-z_][a-z0-9_]*$/.test(typeName) ? typeName : `"${typeName}"`}`;
  }
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'::text`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`schema-shape: default ${JSON.stringify(value)} is not mapped; extend columnDefault()`);
}

// ---- actual: pg_catalog → shape -------------------------------------------

const ACTION_CODES: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

// Column lists come back joined with commas: plain text parses the same on pg and PGlite.
const columnList = (rel: string, keys: string) =>
  `array_to_string(array(SELECT a.attname FROM unnest(${keys}) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.attnum ORDER BY k.ord), ',')`;

/** The schema of the session's current schema (search_path), minus Prisma's history table. */
export async function actualSchema(session: SqlSession): Promise<SchemaShape> {
  const tableRows = await session.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`,
  );
  const tables: Record<string, TableShape> = {};
  for (const { name } of tableRows) {
    tables[name] = { columns: {}, primaryKey: null, uniqueIndexes: [], indexes: [], foreignKeys: [] };
  }

  const columns = await session.query<{ table: string; column: string; type: string; nullable: boolean; default: string | null }>(
    `SELECT c.relname AS table, a.attname AS column,
            CASE WHEN t.typtype = 'e' THEN t.typname ELSE format_type(a.atttypid, a.atttypmod) END AS type,
            NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default
     FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_type t ON t.oid = a.atttypid
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  for (const col of columns) {
    const table = tables[col.table];
    if (!table) continue;
    // Only "has a sequence" matters for autoincrement, not the sequence's generated name.
    const def = col.default?.startsWith('nextval(') ? 'nextval' : col.default;
    table.columns[col.column] = { type: col.type, nullable: col.nullable, default: def };
  }

  const indexes = await session.query<{ table: string; name: string; unique: boolean; primary: boolean; columns: string }>(
    `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
            ${columnList('t.oid', 'ix.indkey')} AS columns
     FROM pg_index ix
     JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema()`,
  );
  for (const ix of indexes) {
    const table = tables[ix.table];
    if (!table) continue;
    const shape = { name: ix.name, columns: ix.columns.split(',') };
    if (ix.primary) table.primaryKey = shape;
    else if (ix.unique) table.uniqueIndexes.push(shape);
    else table.indexes.push(shape);
  }

  const fks = await session.query<{
    table: string;
    name: string;
    columns: string;
    ref_table: string;
    ref_columns: string;
    on_delete: string;
    on_update: string;
  }>(
    `SELECT t.relname AS table, c.conname AS name, rt.relname AS ref_table,
            c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update,
            ${columnList('c.conrelid', 'c.conkey')} AS columns,
            ${columnList('c.confrelid', 'c.confkey')} AS ref_columns
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_class rt ON rt.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  for (const fk of fks) {
    tables[fk.table]?.foreignKeys.push({
      name: fk.name,
      columns: fk.columns.split(','),
      references: `${fk.ref_table}(${fk.ref_columns.split(',').join(', ')})`,
      onDelete: ACTION_CODES[fk.on_delete] ?? fk.on_delete,
      onUpdate: ACTION_CODES[fk.on_update] ?? fk.on_update,
    });
  }

  const enumRows = await session.query<{ name: string; labels: string }>(
    `SELECT t.typname AS name,
            array_to_string(array(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder), ',') AS labels
     FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE t.typtype = 'e' AND n.nspname = current_schema()`,
  );
  const enums = Object.fromEntries(enumRows.map((e) => [e.name, e.labels.split(',')]));

  for (const name of Object.keys(tables)) tables[name] = sortShape(tables[name]!);
  return { tables, enums };
}

function sortShape(shape: TableShape): TableShape {
  const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
  return {
    columns: Object.fromEntries(Object.entries(shape.columns).sort(([a], [b]) => a.localeCompare(b))),
    primaryKey: shape.primaryKey,
    uniqueIndexes: byName(shape.uniqueIndexes),
    indexes: byName(shape.indexes),
    foreignKeys: byName(shape.foreignKeys),
  };
}
