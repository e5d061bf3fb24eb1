// The SQL that Prisma's query API cannot express (CTEs, unnest, FOR UPDATE, ON CONFLICT with
// arithmetic, window functions) is built with Kysely against row types generated from
// prisma/schema.prisma (src/generated/kysely), so a renamed column or a wrong result type fails
// the type check. Kysely only compiles here (its documented DummyDriver set-up); the statement
// runs on the caller's Prisma client or transaction, so it joins that transaction and pool.
// See docs/decisions/017-typed-sql-with-kysely.md.
import {
  type Compilable,
  DummyDriver,
  type InferResult,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import type { DB } from '../generated/kysely/database.ts';
import type { Db } from './prisma-client.ts';

/** The query builder: `builder.selectFrom('attempts')...`, then `rows(db, query)` or `execute(db, query)`. */
export const builder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Runs a built query on the Prisma client or transaction and returns its rows, typed by Kysely. */
export function rows<Q extends Compilable>(db: Db, query: Q): Promise<InferResult<Q>> {
  const { sql: text, parameters } = query.compile();
  return db.$queryRawUnsafe(text, ...parameters);
}

/** The first row of `rows`, or null. */
export async function firstRow<Q extends Compilable>(db: Db, query: Q): Promise<InferResult<Q>[number] | null> {
  const result = await rows(db, query);
  return result[0] ?? null;
}

/** Runs a built statement without reading rows; returns how many rows it changed. */
export function execute(db: Db, query: Compilable): Promise<number> {
  const { sql: text, parameters } = query.compile();
  return db.$executeRawUnsafe(text, ...parameters);
}

type ArrayType = 'int' | 'text' | 'boolean' | 'float8' | 'timestamp' | 'timestamptz' | 'uuid';
type ArrayColumns = Record<string, readonly [ArrayType, readonly unknown[]]>;

/**
 * `unnest($1::int[], $2::text[], ...) AS alias(col1, col2, ...)`: equal-length arrays read as rows
 * of a table, so many rows go into one statement (and one statement text, whatever their number).
 * The row type comes from the arrays passed; `ordinality` adds a 1-based row number column.
 */
export function unnest<A extends string, const C extends ArrayColumns, O extends string = never>(
  alias: A,
  columns: C,
  ordinality?: O,
) {
  const names = Object.keys(columns);
  const arrays = names.map((name) => {
    const [type, values] = columns[name] as C[string];
    return sql`${values}::${sql.raw(type)}[]`;
  });
  const aliased = [...names, ...(ordinality ? [ordinality] : [])].map((name) => sql.ref(name));
  return sql<{ [K in keyof C]: C[K][1][number] } & { [K in O]: number }>`unnest(${sql.join(arrays)})${
    ordinality ? sql` WITH ORDINALITY` : sql``
  }`.as<A>(sql`${sql.ref(alias)}(${sql.join(aliased)})`);
}

/** `ANY($1::type[])`: one statement text for a list of any length (`IN (...)` would make one per length). */
export function anyOf<T>(values: readonly T[], type: ArrayType) {
  return sql<T>`ANY(${values}::${sql.raw(type)}[])`;
}

/**
 * A statement whose only varying values are whole arrays (the columns of an `unnest`), compiled
 * once: Kysely rebuilds and recompiles a query on every call, which the hottest statements need
 * not pay. `values` puts this call's arrays where the placeholders were; constants stay as built.
 */
export function compileOnce<C extends { [K in keyof C]: unknown[] }>(
  build: (columns: C) => Compilable,
  names: readonly (keyof C & string)[],
): { text: string; values: (columns: C) => unknown[] } {
  // Fresh empty arrays: each is found again among the compiled parameters by identity.
  const placeholders = Object.fromEntries(names.map((name) => [name, []])) as unknown as C;
  const { sql: text, parameters } = build(placeholders).compile();
  const slots = names.map((name) => {
    const index = parameters.indexOf(placeholders[name]);
    if (index < 0 || parameters.lastIndexOf(placeholders[name]) !== index) {
      throw new Error(`compileOnce: column ${name} must appear exactly once in the statement`);
    }
    return [name, index] as const;
  });
  return {
    text,
    values: (columns) => {
      const values = [...parameters];
      for (const [name, index] of slots) values[index] = columns[name];
      return values;
    },
  };
}
