import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import { z } from 'zod';
import { certificatesZip } from '../delivery.ts';
import { PRESENTATION_MEDIA_TYPE, presentationOf } from '../domain/presentation.ts';
import { type CertificateStore, currentCertificates } from '../store.ts';
import { type Authenticate, certificateSummary, errorSchema, summaryOf } from './shared.ts';

// 一次性领证: an application's certificates, all at once, for the parent who applied. These
// paths sit under /api/applications because that is where the parent finds the application;
// the gateway sends them here, and the rest of /api/applications to the applications service.
// Someone else's application, or one without certificates yet, is a 404 either way.

const params = z.object({ id: z.uuid() });

export function applicationCertificateRoutes(
  app: OneGoApp,
  deps: { store: CertificateStore; authenticate: Authenticate; origin: string },
) {
  const base = '/api/applications/:id/certificates';
  const common = { tags: ['delivery'], security: [{ bearer: [] }], params };

  async function certificatesOf(request: { params: { id: string } } & Parameters<typeof callerOf>[0]) {
    const rows = await deps.store.ofApplication(callerOf(request).id, request.params.id);
    if (rows.length === 0) throw new HttpError(404, `no certificates for application ${request.params.id}`);
    return rows;
  }

  async function deliverable(request: Parameters<typeof certificatesOf>[0]) {
    const current = currentCertificates(await certificatesOf(request));
    if (current.length === 0)
      throw new HttpError(404, `no valid certificates for application ${request.params.id}`);
    return current;
  }

  app.get(
    base,
    {
      onRequest: deps.authenticate,
      schema: {
        ...common,
        summary: 'Every certificate of the caller’s application, with its status',
        description:
          'All versions: a corrected certificate appears as version 2, its first version revoked. 404 until the first certificate is issued.',
        response: {
          200: z.object({
            applicationId: z.uuid(),
            certificates: z.array(certificateSummary),
            download: z.object({ zip: z.string(), presentation: z.string() }),
          }),
          401: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request) => ({
      applicationId: request.params.id,
      certificates: (await certificatesOf(request)).map(summaryOf),
      download: {
        zip: `${deps.origin}/api/applications/${request.params.id}/certificates/download`,
        presentation: `${deps.origin}/api/applications/${request.params.id}/certificates/presentation`,
      },
    }),
  );

  app.get(
    `${base}/presentation`,
    {
      onRequest: deps.authenticate,
      schema: {
        ...common,
        summary: 'The application’s valid certificates in one Verifiable Presentation (application/vp)',
        description:
          'An unsigned presentation of EnvelopedVerifiableCredentials: each credential keeps its department’s signature.',
        response: {
          200: z.any().describe('A VerifiablePresentation (JSON-LD) of EnvelopedVerifiableCredentials'),
          401: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const current = await deliverable(request);
      // Serialised here: Fastify serialises objects only for JSON media types, and application/vp is not one.
      return reply
        .type(PRESENTATION_MEDIA_TYPE)
        .header('cache-control', 'private, no-store')
        .send(JSON.stringify(presentationOf(current.map((c) => c.credential))));
    },
  );

  app.get(
    `${base}/download`,
    {
      onRequest: deps.authenticate,
      schema: {
        ...common,
        summary:
          'One zip with every valid certificate: each credential (.vc.jwt), its printable PDF, and the presentation',
        response: { 200: z.any(), 401: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const zip = await certificatesZip(await deliverable(request), deps.origin);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="certificates-${request.params.id}.zip"`)
        .header('cache-control', 'private, no-store')
        .send(zip);
    },
  );
}
