import { runService } from '@onego/config';
import { shutdownTelemetry } from '@onego/telemetry';
import { buildGateway } from './app.ts';
import { loadGatewayConfig } from './config.ts';

await runService('gateway', async () => {
  const gateway = await buildGateway(loadGatewayConfig());
  await gateway.start();
  return async () => {
    await gateway.stop();
    await shutdownTelemetry();
  };
});
