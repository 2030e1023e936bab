import { callerOf, type OneGoApp } from '@onego/http';
import { z } from 'zod';
import type { CertificateStore } from '../store.ts';
import { type Authenticate, certificateSummary, errorSchema, summaryOf } from './shared.ts';

export function certificateRoutes(
  app: OneGoApp,
  deps: { store: CertificateStore; authenticate: Authenticate },
) {
  app.get(
    '/api/certificates',
    {
      onRequest: deps.authenticate,
      schema: {
        tags: ['certificates'],
        summary: 'The caller’s e-certificates for one application',
        description:
          'Only certificates of applications the caller submitted; for anyone else’s application the list is empty.',
        security: [{ bearer: [] }],
        querystring: z.object({ applicationId: z.uuid() }),
        response: { 200: z.object({ certificates: z.array(certificateSummary) }), 401: errorSchema },
      },
    },
    async (request) => ({
      certificates: (await deps.store.ofApplication(callerOf(request).id, request.query.applicationId)).map(
        summaryOf,
      ),
    }),
  );
}
