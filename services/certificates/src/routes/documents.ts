import { callerOf, HttpError, type OneGoApp } from '@onego/http';
import { z } from 'zod';
import { certificateView } from '../render/certificate-view.ts';
import { renderHtml } from '../render/html.ts';
import { renderPdf } from '../render/pdf.ts';
import type { CertificateStore } from '../store.ts';
import { type Authenticate, certificateIdParam, errorSchema } from './shared.ts';

// The human-readable copy of a certificate, for its owner: a printable HTML page and a PDF,
// each with the facts and a QR code holding the signed credential.

export function documentRoutes(
  app: OneGoApp,
  deps: { store: CertificateStore; authenticate: Authenticate; origin: string },
) {
  async function owned(request: Parameters<typeof callerOf>[0], id: string) {
    const row = await deps.store.byId(id);
    if (!row || row.ownerId !== callerOf(request).id) throw new HttpError(404, `no certificate ${id}`);
    return certificateView(row, deps.origin);
  }
  const schema = (summary: string) => ({
    tags: ['certificates'],
    summary,
    security: [{ bearer: [] }],
    params: z.object({ id: certificateIdParam }),
    response: { 200: z.any(), 401: errorSchema, 404: errorSchema },
  });

  app.get(
    '/api/certificates/:id/print.html',
    {
      onRequest: deps.authenticate,
      schema: schema('A certificate as a printable HTML page (facts and QR code)'),
    },
    async (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
        .send(renderHtml(await owned(request, request.params.id))),
  );

  app.get(
    '/api/certificates/:id/print.pdf',
    { onRequest: deps.authenticate, schema: schema('A certificate as a printable PDF (facts and QR code)') },
    async (request, reply) => {
      const pdf = await renderPdf(await owned(request, request.params.id));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${request.params.id}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
