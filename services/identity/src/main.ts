import { runService } from '@onego/config';
import { shutdownTelemetry } from '@onego/telemetry';
import { buildIdentityService } from './app.ts';
import { loadIdentityConfig } from './config.ts';

await runService('identity', async () => {
  const service = await buildIdentityService(loadIdentityConfig());
  await service.start();
  return async () => {
    await service.stop();
    await shutdownTelemetry();
  };
});
