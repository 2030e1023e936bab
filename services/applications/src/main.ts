import { runService } from '@onego/config';
import { shutdownTelemetry } from '@onego/telemetry';
import { buildApplicationsService } from './app.ts';
import { loadApplicationsConfig } from './config.ts';

await runService('applications', async () => {
  const service = await buildApplicationsService(loadApplicationsConfig());
  await service.start();
  return async () => {
    await service.stop();
    await shutdownTelemetry();
  };
});
