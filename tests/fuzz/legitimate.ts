// A citizen going about their business while a flood goes on: reads their application and the
// bundle catalogue from their own address, one request after another. Every one must succeed.

export interface LegitimateTraffic {
  stop(): Promise<{ sent: number; succeeded: number; failures: string[] }>;
}

export function legitimateTraffic(
  origin: string,
  { token, applicationId }: { token: string; applicationId: string },
  address = '10.255.255.1',
): LegitimateTraffic {
  let running = true;
  let sent = 0;
  let succeeded = 0;
  const failures: string[] = [];
  const paths = [`/api/applications/${applicationId}`, '/api/bundles', '/api/applications?limit=5'];
  const loop = (async () => {
    while (running) {
      const path = paths[sent % paths.length] as string;
      sent += 1;
      try {
        const response = await fetch(new URL(path, origin), {
          headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': address },
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        if (response.ok) succeeded += 1;
        else failures.push(`${path}: ${response.status}`);
      } catch (error) {
        failures.push(`${path}: ${String(error)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { sent, succeeded, failures: failures.slice(0, 10) };
    },
  };
}
