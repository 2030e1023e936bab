import type { TestProject } from 'vitest/node';
import { type Infrastructure, provisionInfrastructure } from './infrastructure.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    infra: Infrastructure;
  }
}

/** Vitest globalSetup for the integration and e2e projects: one Postgres and one NATS per run. */
export default async function setup(project: TestProject) {
  const { infra, stop } = await provisionInfrastructure();
  project.provide('infra', infra);
  return stop;
}
