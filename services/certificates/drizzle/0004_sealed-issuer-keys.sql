-- Issuers' private keys are sealed from this migration on (see @onego/vault). Those written before
-- it were in the clear and cannot be sealed by SQL, so their private halves are dropped: each key
-- active until now is retired (it keeps its public half and stays published, so everything it
-- signed still verifies), and the service makes each department a new, sealed key at start.
UPDATE "certificates"."issuer_keys" SET "status" = 'retired', "retired_at" = now() WHERE "status" = 'active';--> statement-breakpoint
ALTER TABLE "certificates"."issuer_keys" ADD COLUMN "private_jwk_sealed" text;--> statement-breakpoint
ALTER TABLE "certificates"."issuer_keys" DROP COLUMN "private_jwk";--> statement-breakpoint
ALTER TABLE "certificates"."issuer_keys" ADD CONSTRAINT "issuer_keys_private_jwk" CHECK ((status = 'active') = (private_jwk_sealed is not null));