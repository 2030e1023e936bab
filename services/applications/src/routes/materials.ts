import { createHash, randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import { ITEM_KEYS, MATERIAL_CODES } from '@onego/contracts';
import type { Database } from '@onego/db';
import { callerOf, HttpError, type OneGoApp, type ZodTypeProvider } from '@onego/http';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { applications, items, materials } from '../db/schema.ts';
import { supplyMaterial } from '../domain/corrections.ts';
import { MAX_MATERIAL_BYTES, sniffMediaType } from '../materials/files.ts';
import type { MaterialLinks } from '../materials/links.ts';
import { materialAad } from '../sealed.ts';
import type { ApplicationStore } from '../store.ts';
import { type ViewContext, viewOf } from './views.ts';

// Supplying a missing material (容缺后补): a file upload (multipart, at most 5 MB, PDF/JPEG/PNG
// recognised by content) or a reference to an e-certificate the platform already issued to the
// applicant (无证明). The items awaiting it go to their departments again with it attached.

export interface MaterialRoutesDeps {
  db: Database;
  store: ApplicationStore;
  links: MaterialLinks;
  authenticate: (request: FastifyRequest) => Promise<void>;
  context: () => ViewContext;
  clock: () => Date;
}

const supplied = z.strictObject({
  code: z.enum(MATERIAL_CODES),
  childIndex: z.coerce.number().int().min(0).max(7).optional(),
  itemKey: z.enum(ITEM_KEYS).optional(),
  certificateId: z.string().min(1).max(128).optional(),
  file: z.instanceof(Buffer, { message: 'must be a file part' }).optional(),
});

function parse(body: unknown) {
  const result = supplied.safeParse(body ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new HttpError(400, 'invalid request', issues);
  }
  const { file, certificateId } = result.data;
  if (Boolean(file) === Boolean(certificateId)) {
    throw new HttpError(400, 'invalid request', [
      { path: 'file', message: 'give either a file or a certificateId, not both' },
    ]);
  }
  return result.data;
}

export function materialRoutes(app: OneGoApp, deps: MaterialRoutesDeps) {
  const { db, store } = deps;

  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_MATERIAL_BYTES, files: 1, fields: 5, fieldSize: 256, parts: 6 },
    });
    scope.post(
      '/api/applications/:id/materials',
      {
        onRequest: deps.authenticate,
        bodyLimit: MAX_MATERIAL_BYTES + 64 * 1024,
        schema: {
          tags: ['applications'],
          summary:
            'Supply a missing material: a file (multipart: code, file[, childIndex, itemKey]) or { code, certificateId }',
          description:
            'multipart/form-data with fields `code` and `file` (PDF, JPEG or PNG, at most 5 MB), or JSON `{ code, certificateId }` referring to one of your e-certificates. Optional `childIndex`/`itemKey` narrow which waiting item it is for.',
          security: [{ bearer: [] }],
          consumes: ['multipart/form-data', 'application/json'],
          params: z.object({ id: z.uuid() }),
        },
      },
      async (request, reply) => {
        const ownerId = callerOf(request).id;
        const input = parse(request.body);
        if (input.certificateId) {
          const [own] = await db
            .select({ id: items.id })
            .from(items)
            .innerJoin(applications, eq(items.applicationId, applications.id))
            .where(and(eq(items.certificateId, input.certificateId), eq(applications.ownerId, ownerId)));
          if (!own)
            throw new HttpError(400, 'invalid request', [
              { path: 'certificateId', message: 'is not one of your e-certificates' },
            ]);
        }
        const file = input.file;
        const mediaType = file ? sniffMediaType(file) : null;
        if (file && !mediaType) {
          throw new HttpError(415, 'the file must be a PDF, JPEG or PNG', [
            { path: 'file', message: 'is not a PDF, JPEG or PNG' },
          ]);
        }
        const now = deps.clock();
        const view = await db.transaction(async (tx) => {
          const locked = await store.lock(tx, request.params.id);
          if (!locked || locked.app.ownerId !== ownerId) throw new HttpError(404, 'no such application');
          const materialId = randomUUID();
          const target = (i: { childIndex: number; itemKey: string }) =>
            (input.childIndex === undefined || i.childIndex === input.childIndex) &&
            (input.itemKey === undefined || i.itemKey === input.itemKey);
          const transition = supplyMaterial(locked.states, input.code, materialId, target);
          if (!transition)
            throw new HttpError(409, `no item of this application is waiting for ${input.code}`);
          await tx.insert(materials).values({
            id: materialId,
            applicationId: locked.app.id,
            code: input.code,
            suppliedAt: now,
            ...(file
              ? {
                  contentSealed: store.vault.seal(file.toString('base64'), materialAad(materialId)),
                  mediaType,
                  size: file.length,
                  sha256: createHash('sha256').update(file).digest('hex'),
                }
              : { certificateId: input.certificateId }),
          });
          const entry = {
            kind: 'material.supplied',
            details: { code: input.code, materialId, by: file ? 'file' : 'certificate' },
          };
          await store.persist(tx, locked.app, transition, now, `citizen:${ownerId}`, [entry]);
          const after = await store.lock(tx, locked.app.id);
          return after ? viewOf(after.app, after.rows, deps.context()) : null;
        });
        return reply.code(201).send(view);
      },
    );
  });

  app.get(
    '/api/materials/:id',
    {
      schema: {
        tags: ['materials'],
        summary: 'A supplied material, for the department deciding the item (signed, expiring link)',
        params: z.object({ id: z.uuid() }),
        querystring: z.object({
          expires: z.coerce.number().int().positive(),
          signature: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a signature'),
        }),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!deps.links.verify(id, request.query.expires, request.query.signature)) {
        throw new HttpError(403, 'the link is not valid or has expired');
      }
      const [row] = await db.select().from(materials).where(eq(materials.id, id));
      if (!row?.contentSealed || !row.mediaType) throw new HttpError(404, 'no such material');
      const content = Buffer.from(store.vault.open(row.contentSealed, materialAad(row.id)), 'base64');
      return reply
        .header('content-type', row.mediaType)
        .header('cache-control', 'private, no-store')
        .header('x-content-sha256', row.sha256 ?? '')
        .send(content);
    },
  );
}
