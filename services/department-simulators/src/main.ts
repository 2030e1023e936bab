import { runService } from '@onego/config';
import { shutdownTelemetry } from '@onego/telemetry';
import { buildDepartmentSimulatorsService } from './app.ts';
import { loadDepartmentSimulatorsConfig } from './config.ts';

await runService('department-simulators', async () => {
  const service = await buildDepartmentSimulatorsService(loadDepartmentSimulatorsConfig());
  await service.start();
  return async () => {
    await service.stop();
    await shutdownTelemetry();
  };
});
