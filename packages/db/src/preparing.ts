import type postgres from 'postgres';

/**
 * Drizzle sends each query through postgres.js's `unsafe` with `prepare: false`, and postgres.js
 * then describes every query with parameters before running it: two round trips and a parse per
 * statement. Prepared instead, a statement is parsed once per connection and run in one round
 * trip (a drizzle statement's client time halves). Applied to the pool and to every transaction
 * and savepoint it opens, since those hand drizzle clients of their own.
 */
export function preparing<T extends postgres.Sql | postgres.TransactionSql>(sql: T): T {
  const unsafe = sql.unsafe.bind(sql);
  Object.assign(sql, {
    unsafe: (query: string, args?: unknown[], options?: postgres.UnsafeQueryOptions) =>
      unsafe(query, args as postgres.ParameterOrJSON<never>[], { ...options, prepare: true }),
  });
  for (const method of ['begin', 'savepoint'] as const) {
    if (!(method in sql)) continue;
    const open = (sql as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method];
    Object.assign(sql, {
      [method]: (...args: unknown[]) => {
        const callback = args.pop() as (tx: postgres.TransactionSql) => unknown;
        return open?.call(sql, ...args, (tx: postgres.TransactionSql) => callback(preparing(tx)));
      },
    });
  }
  return sql;
}
