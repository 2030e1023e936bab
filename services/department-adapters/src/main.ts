import { runService } from '@onego/config';
import { shutdownTelemetry } from '@onego/telemetry';
import { buildDepartmentAdaptersService } from './app.ts';
import { loadDepartmentAdaptersConfig } from './config.ts';

await runService('department-adapters', async () => {
  const service = await buildDepartmentAdaptersService(loadDepartmentAdaptersConfig());
  await service.start();
  return async () => {
    await service.stop();
    await shutdownTelemetry();
  };
});
