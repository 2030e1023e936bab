import { certificateRequested, certificateRevocationRequested, type Namespace } from '@onego/contracts';
import { isUniqueViolation } from '@onego/db';
import { type ConsumerDefinition, type Logger, PoisonMessageError, TransientError } from '@onego/messaging';
import { requestProblem } from './domain/request.ts';
import type { Issuance } from './issuance.ts';
import type { Revocation } from './revocation.ts';

// The applications service asks for an approved item's certificate. The same event delivered
// again is recognised by the inbox; a second, distinct request for an item whose certificate
// states the same facts is answered with nothing at all (the first issuance's event is already
// in the outbox); one with different facts is a correction: version 2, version 1 revoked.
// It also asks for an item's certificate to be revoked (an application withdrawn).

export function issuanceConsumers(
  deps: { issuance: Issuance; revocation: Revocation },
  namespace: Namespace,
  logger: Logger,
) {
  const requests: ConsumerDefinition<typeof certificateRequested> = {
    stream: namespace.streamOf(certificateRequested),
    durable: 'certificates-certificate-requested',
    filterSubject: namespace.filter(certificateRequested),
    contracts: [certificateRequested],
    // Issuances take turns on their (issuer, type) serial lock anyway: one lane, in batches that
    // lock and read what they need in a handful of statements and share each lock's turn.
    concurrency: 1,
    batchSize: 64,
    prepare: (events, tx) =>
      deps.issuance.prepare(
        tx,
        events.map((e) => e.data).filter((request) => !requestProblem(request)),
      ),
    async handle(event, tx) {
      const problem = requestProblem(event.data);
      if (problem) throw new PoisonMessageError(problem);
      try {
        const outcome = await deps.issuance.issue(tx, event.data);
        if (!outcome.issued) {
          logger.info(
            { itemId: event.data.itemId, certificateId: outcome.id, eventId: event.id },
            'certificate already issued with these facts; request ignored',
          );
        }
      } catch (error) {
        // Only possible if a row appeared behind the item lock's back; the retry finds it.
        if (isUniqueViolation(error, 'certificates_item_version')) throw new TransientError(String(error));
        throw error;
      }
    },
  };

  const revocations: ConsumerDefinition<typeof certificateRevocationRequested> = {
    stream: namespace.streamOf(certificateRevocationRequested),
    durable: 'certificates-revocation-requested',
    filterSubject: namespace.filter(certificateRevocationRequested),
    contracts: [certificateRevocationRequested],
    async handle(event, tx) {
      const { itemId, reason } = event.data;
      const revoked = await deps.revocation.revokeItem(tx, itemId, `${reason.code}: ${reason.message}`);
      if (revoked.length === 0) {
        // Nothing to revoke: never issued, or already revoked. Said in the log, not retried.
        logger.warn(
          { itemId, eventId: event.id },
          'revocation requested for an item with no unrevoked certificate',
        );
        return;
      }
      logger.info(
        { itemId, revoked, reason: reason.code },
        'certificates revoked at the applications service’s request',
      );
    },
  };
  return [requests, revocations];
}
