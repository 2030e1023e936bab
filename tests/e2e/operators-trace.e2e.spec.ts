import { SERVICE_NAMES } from '@onego/infra/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInNew } from '../support/citizens.ts';
import { type Client, canonicalSubmission } from '../support/client.ts';
import { startOtlpReceiver } from '../support/otlp-receiver.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { type ApplicationView, freshBirthDate } from '../support/views.ts';

// Issue 6: one trace per application, from the HTTP submission through every NATS hop, adapter,
// department system (NATS and HTTP alike) and certificate, with parent links intact.

const DEPARTMENTS = [
  'health',
  'public-security',
  'medical-insurance',
  'social-security',
  'cdc',
  'maternal-child-health',
];
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let p: TestPlatform;
let parent: Client;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' };
  p = await startTestPlatform({ extraEnv: Object.fromEntries(SERVICE_NAMES.map((s) => [s, otel])) });
  parent = await signInNew(p.origin, '李芳');
});
afterAll(async () => {
  await p?.stop();
  await receiver?.close();
});

describe('distributed tracing', () => {
  it('follows one application in one connected trace across every service and department', async () => {
    // Given a submission, when the application completes
    const submission = canonicalSubmission();
    freshBirthDate(submission, new Date());
    const { body } = await parent.post<{ id: string }>('/api/applications', submission);
    let view: ApplicationView | undefined;
    for (let i = 0; i < 300 && view?.status !== 'completed'; i++) {
      view = (await parent.get<ApplicationView>(`/api/applications/${body.id}`)).body;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(view?.status).toBe('completed');

    // Then (once the last spans are exported) the trace of the submission holds the whole flow
    const submitted = () =>
      receiver.spans.find((s) => s.service === 'onego-applications' && s.name === 'POST /api/applications');
    for (let i = 0; i < 50 && !submitted(); i++) await new Promise((r) => setTimeout(r, 100));
    const traceId = submitted()?.traceId ?? '';
    const completedIn = () =>
      receiver.spans.some(
        (s) => s.traceId === traceId && s.name.endsWith('onego.application.completed.v1 publish'),
      );
    for (let i = 0; i < 50 && !completedIn(); i++) await new Promise((r) => setTimeout(r, 100));
    // Each service exports on its own schedule: wait (bounded) until no span's parent is missing
    const orphans = () => {
      const spans = receiver.spans.filter((s) => s.traceId === traceId);
      const known = new Set(spans.map((s) => s.spanId));
      return spans.filter((s) => s.parentSpanId && !known.has(s.parentSpanId));
    };
    for (let i = 0; i < 100 && orphans().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    const trace = receiver.spans.filter((s) => s.traceId === traceId);

    const services = new Set(trace.map((s) => s.service));
    for (const service of [
      'gateway',
      'applications',
      'department-adapters',
      'department-simulators',
      'certificates',
    ]) {
      expect(services, `spans of ${service}`).toContain(`onego-${service}`);
    }
    // Every department took part: a NATS department system processed its request, an HTTP one served it
    const simulated = trace.filter((s) => s.service === 'onego-department-simulators');
    for (const department of DEPARTMENTS) {
      const took = simulated.some(
        (s) =>
          s.name.includes(`dept.${department}.request.v1`) ||
          String(s.attributes['http.route'] ?? s.name).includes(department),
      );
      expect(took, `the ${department} system in the trace`).toBe(true);
    }
    // Messaging spans follow the OpenTelemetry conventions
    const process = trace.find((s) => s.name.endsWith(' process'));
    expect(process?.attributes).toMatchObject({
      'messaging.system': 'nats',
      'messaging.operation.type': 'process',
    });
    // And the tree is whole: one root, every other span's parent in the trace
    const ids = new Set(trace.map((s) => s.spanId));
    const roots = trace.filter((s) => !s.parentSpanId);
    expect(roots).toHaveLength(1);
    expect(
      trace.filter((s) => s.parentSpanId && !ids.has(s.parentSpanId)).map((s) => `${s.service}: ${s.name}`),
    ).toEqual([]);
  });
});
