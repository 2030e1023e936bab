import type { IncomingMessage, ServerResponse } from 'node:http';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { ServerEmittersUnboundContextManager } from './context.ts';

// Traces are always recorded (so trace ids exist and cross HTTP and NATS even when nothing is
// exported); they and the metrics leave the process only when an OTLP endpoint is configured
// with the standard OTEL_EXPORTER_OTLP_ENDPOINT variable.

const SDK = Symbol.for('onego.telemetry.sdk');
const PROMETHEUS = Symbol.for('onego.telemetry.prometheus');
type Holder = { [SDK]?: NodeSDK; [PROMETHEUS]?: PrometheusExporter };

export function startTelemetry(extraSpanProcessors: SpanProcessor[] = []) {
  const holder = globalThis as Holder;
  if (holder[SDK]) return holder[SDK];
  const otlp = Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT);
  // Metrics are always collectable in Prometheus format from the service's own /metrics route
  // (no extra port); with OTLP configured they are also pushed.
  const prometheus = new PrometheusExporter({ preventServerStart: true, withoutScopeInfo: true });
  holder[PROMETHEUS] = prometheus;
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? 'onego',
    contextManager: new ServerEmittersUnboundContextManager(),
    spanProcessors: [
      ...(otlp
        ? [
            new BatchSpanProcessor({
              exporter: new OTLPTraceExporter(),
              // Constructed explicitly, the processor does not read the standard variable itself.
              scheduledDelayMillis: Number(process.env.OTEL_BSP_SCHEDULE_DELAY ?? 5000),
            }),
          ]
        : [new NoopSpanProcessor()]),
      ...extraSpanProcessors,
    ],
    metricReaders: [
      prometheus,
      ...(otlp ? [new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter() })] : []),
    ],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        // Health probes would drown the traces that matter.
        ignoreIncomingRequestHook: (req) => req.url === '/health' || req.url === '/ready',
      }),
      new UndiciInstrumentation(),
    ],
  });
  sdk.start();
  holder[SDK] = sdk;
  return sdk;
}

/** Flushes the last spans and metrics; part of every service's graceful shutdown. */
export async function shutdownTelemetry() {
  const holder = globalThis as Holder;
  const sdk = holder[SDK];
  holder[SDK] = undefined;
  await sdk?.shutdown().catch(() => {});
}

/** Answers a Prometheus scrape with the process's metrics (503 when telemetry is not started). */
export function serveMetrics(request: IncomingMessage, response: ServerResponse) {
  const prometheus = (globalThis as Holder)[PROMETHEUS];
  if (!prometheus) {
    response.statusCode = 503;
    response.end('# telemetry not started\n');
    return;
  }
  prometheus.getMetricsRequestHandler(request, response);
}
