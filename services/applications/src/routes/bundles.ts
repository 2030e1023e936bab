import type { OneGoApp } from '@onego/http';
import { HttpError } from '@onego/http';
import { z } from 'zod';
import { bundles } from '../catalogue/newborn.ts';

const text = z.object({ zh: z.string(), en: z.string() });
const bundleSummary = z.object({ key: z.string(), name: text, summary: text, timeLimitWorkingDays: z.int() });
const bundleDetail = bundleSummary.extend({
  items: z.array(
    z.object({
      key: z.string(),
      name: text,
      department: z.string(),
      departmentName: text,
      dependsOn: z.array(z.string()),
      optional: z.boolean(),
      certificate: z.string().nullable(),
      outputs: text,
      statutoryWindow: text,
      expectedTurnaroundMinutes: z.int(),
      onWithdrawal: z.enum(['keep', 'revoke']),
    }),
  ),
  materials: z.array(
    z.object({
      code: z.string(),
      name: text,
      item: z.string(),
      declarableAtSubmission: z.boolean(),
      deadlineWorkingDays: z.int(),
    }),
  ),
  notice: z.object({
    conditions: z.array(text),
    materials: z.array(z.object({ name: text, note: text, canBeSuppliedLater: z.boolean() })),
    steps: z.array(text),
    timeLimit: text,
    fees: text,
    whereToAsk: z.array(text),
    whereToComplain: z.array(text),
  }),
});

/** The public catalogue: bundles and their one-time notice (一次性告知). */
export function bundleRoutes(app: OneGoApp) {
  app.get(
    '/api/bundles',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'The bundles citizens can apply for',
        response: { 200: z.object({ bundles: z.array(bundleSummary) }) },
      },
    },
    async () => ({
      bundles: bundles.map(({ key, name, summary, timeLimitWorkingDays }) => ({
        key,
        name,
        summary,
        timeLimitWorkingDays,
      })),
    }),
  );

  app.get(
    '/api/bundles/:key',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'One bundle: its items, departments, dependencies, time limit and one-time notice',
        params: z.object({ key: z.string().max(64) }),
        response: { 200: bundleDetail },
      },
    },
    async (request) => {
      const bundle = bundles.find((b) => b.key === request.params.key);
      if (!bundle) throw new HttpError(404, `no bundle ${request.params.key}`);
      return bundle;
    },
  );
}
