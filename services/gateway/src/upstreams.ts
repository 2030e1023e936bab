import type { GatewayConfig } from './config.ts';

// Which service answers which public path. The gateway is the one public origin: citizens,
// department systems and operators see a single host; services stay on loopback.

export interface Upstream {
  name: string;
  url: string;
  prefixes: string[];
  /** Where the service publishes its own OpenAPI document. */
  openApiPath: string;
}

export const upstreamsOf = (config: GatewayConfig): Upstream[] => [
  {
    name: 'identity',
    url: config.IDENTITY_URL,
    prefixes: ['/api/identity'],
    openApiPath: '/api/identity/openapi.json',
  },
  {
    name: 'applications',
    url: config.APPLICATIONS_URL,
    prefixes: [
      '/api/bundles',
      '/api/applications',
      '/api/materials',
      '/api/operator',
      '/api/clerk',
      '/api/consents',
    ],
    openApiPath: '/api/applications/openapi.json',
  },
  {
    name: 'certificates',
    url: config.CERTIFICATES_URL,
    // An application's certificates (the list, the presentation, the zip) live where the parent
    // finds the application, but the certificates service answers them. The router prefers a
    // matching parameter segment to a wildcard, so these win over /api/applications/* for exactly
    // these paths, and every other /api/applications path still goes to the applications service.
    prefixes: [
      '/api/certificates',
      '/api/applications/:id/certificates',
      '/api/operator/dead-letters/certificates',
    ],
    openApiPath: '/api/certificates/openapi.json',
  },
  {
    // The adapters' routes: each department's worklist (its systems' tokens only) and the
    // operators' dead letters (decisions that failed their schema, malformed HTTP answers).
    name: 'department-adapters',
    url: config.DEPARTMENT_ADAPTERS_URL,
    prefixes: ['/api/departments', '/api/operator/dead-letters/department-adapters'],
    openApiPath: '/api/department-adapters/openapi.json',
  },
];
