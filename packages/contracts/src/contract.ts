import { z } from 'zod';

// A message contract: the versioned type name (CloudEvents `type`), the schema of `data`, and
// how its NATS subject is derived. Changes to a contract are additive; a breaking change is a
// new contract whose type ends in the next version (`...v2`).

export interface Route<Data> {
  /** Name of the subject token, e.g. `department`: documents the channel parameter. */
  readonly name: string;
  readonly values: readonly string[];
  readonly of: (data: Data) => string;
}

export interface MessageContract<Type extends string = string, Schema extends z.ZodType = z.ZodType> {
  readonly type: Type;
  readonly schema: Schema;
  readonly summary: string;
  /** The service (or department system) that publishes it, and those that consume it. */
  readonly producer: string;
  readonly consumers: readonly string[];
  readonly route?: Route<z.output<Schema>>;
}

export type DataOf<C extends MessageContract> = z.output<C['schema']>;

export function defineMessage<const Type extends `${string}.v${number}`, Schema extends z.ZodType>(
  contract: MessageContract<Type, Schema>,
): MessageContract<Type, Schema> {
  return contract;
}

/** CloudEvents 1.0 attributes, structured JSON mode (https://github.com/cloudevents/spec). */
export const envelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1).max(128),
  source: z.string().min(1).max(256),
  type: z.string().min(1).max(128),
  subject: z.string().max(128).optional(),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
  data: z.unknown(),
});

export type Envelope<Data = unknown> = Omit<z.output<typeof envelopeSchema>, 'data'> & { data: Data };
export type EventOf<C extends MessageContract> = Envelope<DataOf<C>> & { type: C['type'] };

export function envelopeSchemaOf<C extends MessageContract>(contract: C) {
  return envelopeSchema.extend({ type: z.literal(contract.type), data: contract.schema });
}
