import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { natsPasswords } from '@onego/infra/nats';
import { freePort, freePorts, type Platform, startPlatform } from '@onego/infra/platform';
import { createTestDatabase, createTestNamespace } from '@onego/testing';

/**
 * The whole platform as separate processes, as the start command runs it, on free ports with
 * this test file's own database and NATS namespace. Logs stay in a temporary folder that is
 * printed when the platform fails to start. With `ownNats`, the platform runs its own
 * nats-server with infra/nats's configuration (on a free port, storing in the temporary folder)
 * and everyone connects with their own credentials, exactly as `./onego start` does.
 */
export async function startTestPlatform(
  options: {
    extraEnv?: Parameters<typeof startPlatform>[0]['settings']['extraEnv'];
    departmentTransport?: string;
    ownNats?: boolean;
    /** The services' log level (default warn); the logs are in `${workDir}/logs` until stop(). */
    logLevel?: string;
  } = {},
) {
  const database = await createTestDatabase('e2e');
  const namespace = createTestNamespace();
  const workDir = mkdtempSync(join(tmpdir(), 'onego-e2e-'));
  let platform: Platform;
  try {
    platform = await startPlatform({
      settings: {
        databaseUrl: database.url,
        natsUrl: namespace.natsUrl,
        natsNamespace: namespace.prefix,
        ports: await freePorts(),
        host: '127.0.0.1',
        logLevel: options.logLevel ?? 'warn',
        // Two platforms at a time, beside the integration tests, on a server of 100 connections.
        databasePoolMax: 4,
        ...(options.extraEnv && { extraEnv: options.extraEnv }),
        ...(options.departmentTransport !== undefined && {
          departmentTransport: options.departmentTransport,
        }),
      },
      workDir,
      restartOnExit: false,
      ...(options.ownNats && { ownNats: { port: await freePort(), passwords: natsPasswords() } }),
    });
  } catch (error) {
    throw new Error(`${String(error)} (logs in ${workDir}/logs)`);
  }
  return {
    origin: platform.publicOrigin,
    databaseUrl: database.url,
    simulatorsUrl: `http://127.0.0.1:${platform.settings.ports['department-simulators']}`,
    natsUrl: platform.settings.natsUrl,
    natsNamespace: platform.settings.natsNamespace,
    /** The platform's temporary folder: the services' logs are in its logs/ until stop() removes it. */
    workDir,
    platform,
    async stop() {
      await platform.stop();
      await namespace.cleanup();
      await database.drop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

export type TestPlatform = Awaited<ReturnType<typeof startTestPlatform>>;
