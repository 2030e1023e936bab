import { DEPARTMENTS, type Department } from '@onego/contracts';

// How each department's system connects. Event-native systems consume their requests from
// their own NATS stream and publish their decisions there; legacy systems expose an HTTP API
// that the adapter calls. Medical insurance and social security are the legacy ones by default.

export const TRANSPORTS = ['nats', 'http'] as const;
export type Transport = (typeof TRANSPORTS)[number];
export type TransportMap = Record<Department, Transport>;

export const DEFAULT_TRANSPORT: TransportMap = {
  health: 'nats',
  'public-security': 'nats',
  'medical-insurance': 'http',
  'social-security': 'http',
  cdc: 'nats',
  'maternal-child-health': 'nats',
};

/**
 * `DEPARTMENT_TRANSPORT`: overrides as `department=nats|http` pairs separated by commas, e.g.
 * `health=http,medical-insurance=nats`; `*=nats` sets every department. Returns the problem
 * as a string when the text is not of that form.
 */
export function parseTransport(text: string): TransportMap | string {
  const map: TransportMap = { ...DEFAULT_TRANSPORT };
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [department, transport, ...rest] = pair.split('=').map((p) => p.trim());
    if (rest.length > 0 || !TRANSPORTS.includes(transport as Transport)) {
      return `"${pair}": expected department=nats or department=http`;
    }
    if (department === '*') {
      for (const d of DEPARTMENTS) map[d] = transport as Transport;
    } else if (DEPARTMENTS.includes(department as Department)) {
      map[department as Department] = transport as Transport;
    } else {
      return `"${department}" is not a department (${DEPARTMENTS.join(', ')})`;
    }
  }
  return map;
}
