import { customType, type PgSchema, text, timestamp } from 'drizzle-orm/pg-core';

// Each service keeps its data keys in its own schema, wrapped (encrypted) by a master key that
// never touches the database. Services include this table in their Drizzle schema.

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export function vaultTables(schema: PgSchema) {
  const dataKeys = schema.table('data_keys', {
    id: text('id').primaryKey(),
    /** 'data' keys encrypt values (the newest is used for new ones); the 'lookup' key makes keyed hashes. */
    purpose: text('purpose').$type<'data' | 'lookup'>().notNull(),
    wrapped: bytea('wrapped').notNull(),
    masterKeyId: text('master_key_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  });
  return { dataKeys };
}
