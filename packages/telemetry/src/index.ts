// @onego/telemetry: OpenTelemetry set up before the app, flushed at shutdown.
export { serveMetrics, shutdownTelemetry, startTelemetry } from './sdk.ts';
