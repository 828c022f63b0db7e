import { type AliasedRawBuilder, type RawBuilder, sql } from "kysely";

/** One column of an unnest: its values and the PostgreSQL array type they are sent as. */
type UnnestColumn<T> = { values: readonly T[]; arrayType: RawBuilder<unknown> };

export const unnestColumn = {
  text: (values: readonly string[]): UnnestColumn<string> => ({ values, arrayType: sql`text[]` }),
  /** Text that may be null in some rows. */
  nullableText: (values: readonly (string | null)[]): UnnestColumn<string | null> => ({
    values,
    arrayType: sql`text[]`,
  }),
  int: (values: readonly number[]): UnnestColumn<number> => ({ values, arrayType: sql`int[]` }),
  boolean: (values: readonly boolean[]): UnnestColumn<boolean> => ({ values, arrayType: sql`boolean[]` }),
};

type UnnestedRow<C extends Record<string, UnnestColumn<unknown>>> = {
  [K in keyof C]: C[K]["values"][number];
};

/**
 * `unnest($1::text[], $2::int[], …) AS alias(a, b, …)`: parallel arrays as a row source for
 * set-based statements, one parameter per column however many rows there are (a VALUES list
 * takes one per cell). The rows' column names and types are the keys and values given.
 */
export function unnestRows<A extends string, C extends Record<string, UnnestColumn<unknown>>>(
  alias: A,
  columns: C,
): AliasedRawBuilder<UnnestedRow<C>, A> {
  const names = Object.keys(columns);
  const arrays = Object.values(columns).map((column) => sql`${column.values}::${column.arrayType}`);
  return sql<UnnestedRow<C>>`unnest(${sql.join(arrays)})`.as<A>(
    sql`${sql.id(alias)}(${sql.join(names.map((name) => sql.id(name)))})`,
  );
}
