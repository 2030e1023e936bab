import { callerOf } from '@onego/http';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

// What the operators' routes share: the region rule and the shapes of a flow's summary.

/** An operator with a region sees that region's flows only; one without (a supervisor) sees all. */
export const regionOf = (request: FastifyRequest) => callerOf(request).region;
export const inRegion = (request: FastifyRequest, region: string) => {
  const own = regionOf(request);
  return own === undefined || own === region;
};

export const iso = z.iso.datetime({ offset: true }).nullable();
export const warning = z.enum(['yellow', 'red']).nullable();

export const summary = z.object({
  id: z.uuid(),
  bundle: z.string(),
  status: z.string(),
  region: z.string(),
  submittedAt: z.iso.datetime({ offset: true }),
  dueDate: z.iso.date(),
  warning,
  heldBy: z.array(z.string()),
  children: z.array(z.string()),
});
