import { z } from 'zod';
import { envelopeSchemaOf, type MessageContract } from './contract.ts';
import { allContracts } from './registry.ts';

// The AsyncAPI 3 document is generated from the contracts, so it cannot drift from what the
// services validate. It describes the platform as one application: what it sends to NATS and
// what it receives from the department systems.

const PLATFORM_SERVICES = new Set(['applications', 'department-adapters', 'certificates', 'identity']);

const headers = {
  type: 'object',
  properties: {
    'Nats-Msg-Id': { type: 'string', description: 'The CloudEvents id: JetStream de-duplicates on it.' },
    traceparent: { type: 'string', description: 'W3C Trace Context of the producing span.' },
    tracestate: { type: 'string' },
  },
  required: ['Nats-Msg-Id'],
};

const key = (contract: MessageContract) => contract.type.replaceAll('.', '-');

function jsonSchemaOf(contract: MessageContract) {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(envelopeSchemaOf(contract), {
    target: 'draft-7',
    io: 'input',
  }) as Record<string, unknown>;
  return schema;
}

function channelOf(contract: MessageContract) {
  const address = contract.route ? `${contract.type}.{${contract.route.name}}` : contract.type;
  return {
    address,
    title: contract.type,
    description: contract.summary,
    ...(contract.route && {
      parameters: {
        [contract.route.name]: {
          enum: [...contract.route.values],
          description: `The ${contract.route.name} it concerns.`,
        },
      },
    }),
    messages: { [key(contract)]: { $ref: `#/components/messages/${key(contract)}` } },
  };
}

export function buildAsyncApiDocument(options: { version: string; natsHost?: string }) {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const contract of allContracts) {
    const k = key(contract);
    channels[k] = channelOf(contract);
    messages[k] = {
      name: contract.type,
      title: contract.type,
      summary: contract.summary,
      contentType: 'application/cloudevents+json',
      headers,
      payload: jsonSchemaOf(contract),
    };
    const sent = PLATFORM_SERVICES.has(contract.producer);
    operations[`${sent ? 'send' : 'receive'}-${k}`] = {
      action: sent ? 'send' : 'receive',
      channel: { $ref: `#/channels/${k}` },
      summary: `${contract.producer} → ${contract.consumers.join(', ') || '(any subscriber)'}`,
      messages: [{ $ref: `#/channels/${k}/messages/${k}` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'OneGo platform messaging',
      version: options.version,
      description:
        'Events and commands between OneGo services and the department systems, as CloudEvents 1.0 (structured JSON) on NATS JetStream. Platform subjects are on stream ONEGO; each department’s own vocabulary on stream DEPT_<DEPARTMENT>.',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      nats: {
        host: options.natsHost ?? '127.0.0.1:4222',
        protocol: 'nats',
        description: 'NATS with JetStream',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}
