import { readFileSync } from 'node:fs';
import { defaultPorts, SERVICE_NAMES } from '@onego/infra/platform';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// docker-compose.yml must run the same platform as ./onego start: every service, same ports.
const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'), {
  merge: true,
}) as {
  services: Record<string, { environment?: Record<string, string>; working_dir?: string }>;
};

describe('docker-compose.yml', () => {
  it.each(SERVICE_NAMES)('runs %s from its folder on the port the start command gives it', (name) => {
    const service = compose.services[name];
    expect(service?.working_dir).toBe(`/app/services/${name}`);
    expect(service?.environment?.PORT).toBe(String(defaultPorts(8080)[name]));
  });

  it('has NATS with JetStream, Postgres, an OpenTelemetry collector and a trace viewer', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['nats', 'postgres', 'otel-collector', 'jaeger']),
    );
  });
});
