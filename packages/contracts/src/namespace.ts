import type { DataOf, MessageContract } from './contract.ts';
import { DEPARTMENTS, type Department } from './newborn/bundle.ts';

// Subjects and streams. Platform events live on `onego.>` (stream ONEGO); each department's own
// vocabulary lives on `dept.<department>.>` (stream DEPT_<DEPARTMENT>), so a department's NATS
// credentials can be limited to its own stream and subjects. A namespace prefixes everything,
// which lets test files and parallel environments share one NATS server without overlap.

export interface StreamSpec {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly description: string;
}

export const departmentStreamName = (department: Department) =>
  `DEPT_${department.toUpperCase().replaceAll('-', '_')}`;

const BASE_STREAMS: readonly StreamSpec[] = [
  {
    name: 'ONEGO',
    subjects: ['onego.>'],
    description: 'Platform events and commands between OneGo services',
  },
  ...DEPARTMENTS.map((d) => ({
    name: departmentStreamName(d),
    subjects: [`dept.${d}.>`],
    description: `Requests to and decisions from the ${d} department's own system, in its vocabulary`,
  })),
];

export interface Namespace {
  readonly prefix: string;
  subject<C extends MessageContract>(contract: C, data: DataOf<C>): string;
  /** The filter subject for a consumer: one route value, or all of them. */
  filter(contract: MessageContract, routeValue?: string): string;
  stream(name: string): string;
  streamOf(contract: MessageContract): string;
  streams(): StreamSpec[];
}

export function createNamespace(prefix = ''): Namespace {
  if (prefix && !/^[a-z][a-z0-9-]{0,31}$/.test(prefix)) throw new Error(`invalid NATS namespace "${prefix}"`);
  const join = (...tokens: (string | undefined)[]) =>
    [prefix || undefined, ...tokens].filter(Boolean).join('.');
  const stream = (name: string) => (prefix ? `${prefix.toUpperCase().replaceAll('-', '_')}_${name}` : name);
  return {
    prefix,
    subject: (contract, data) => join(contract.type, contract.route?.of(data)),
    filter: (contract, routeValue) => join(contract.type, contract.route ? (routeValue ?? '*') : undefined),
    stream,
    streamOf(contract) {
      const dept = /^dept\.([a-z-]+)\./.exec(contract.type)?.[1];
      return stream(dept ? departmentStreamName(dept as Department) : 'ONEGO');
    },
    streams: () =>
      BASE_STREAMS.map((s) => ({
        ...s,
        name: stream(s.name),
        subjects: s.subjects.map((subj) => join(subj)),
      })),
  };
}
