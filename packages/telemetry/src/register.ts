// Loaded before the application (`node --import @onego/telemetry/register src/main.ts`) so
// that instrumented modules (http, undici) are patched before anything imports them.
import { startTelemetry } from './sdk.ts';

startTelemetry();
