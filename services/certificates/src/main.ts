import { runService } from '@onego/config';
import { shutdownTelemetry } from '@onego/telemetry';
import { buildCertificatesService } from './app.ts';
import { loadCertificatesConfig } from './config.ts';

await runService('certificates', async () => {
  const service = await buildCertificatesService(loadCertificatesConfig());
  await service.start();
  return async () => {
    await service.stop();
    await shutdownTelemetry();
  };
});
