-- Citizens' ID numbers and phones, and private signing keys, are sealed from this migration on
-- (see @onego/vault). Values written before it were in the clear and cannot be sealed by SQL; the
-- platform was not yet deployed anywhere, so they are discarded rather than migrated:
-- - citizens' accounts are deleted (they register again); their open sessions are revoked and their
--   sign-in attempts dropped. Staff, clients and other sessions hold nothing to seal and are kept.
-- - signing keys keep their public half, so the tokens they signed verify until they expire, but
--   lose their private half: each is retired now, and the service makes a new, sealed key at start.
TRUNCATE "identity"."citizens" CASCADE;--> statement-breakpoint
DELETE FROM "identity"."login_attempts" WHERE "account" LIKE 'citizen:%';--> statement-breakpoint
UPDATE "identity"."sessions" SET "revoked_at" = now(), "revoked_by" = 'migration 0002', "revocation_reason" = 'account discarded when ID numbers were sealed' WHERE "subject_type" = 'citizen' AND "revoked_at" IS NULL;--> statement-breakpoint
UPDATE "identity"."signing_keys" SET "status" = 'retired', "retired_at" = least("retired_at", now());--> statement-breakpoint
CREATE TABLE "identity"."data_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"wrapped" "bytea" NOT NULL,
	"master_key_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity"."citizens" DROP CONSTRAINT "citizens_id_number_key";--> statement-breakpoint
ALTER TABLE "identity"."citizens" ADD COLUMN "id_number_sealed" text NOT NULL;--> statement-breakpoint
ALTER TABLE "identity"."citizens" ADD COLUMN "id_number_hash" text NOT NULL;--> statement-breakpoint
ALTER TABLE "identity"."citizens" ADD COLUMN "phone_sealed" text NOT NULL;--> statement-breakpoint
ALTER TABLE "identity"."signing_keys" ADD COLUMN "private_jwk_sealed" text;--> statement-breakpoint
ALTER TABLE "identity"."citizens" DROP COLUMN "id_number";--> statement-breakpoint
ALTER TABLE "identity"."citizens" DROP COLUMN "phone";--> statement-breakpoint
ALTER TABLE "identity"."signing_keys" DROP COLUMN "private_jwk";--> statement-breakpoint
ALTER TABLE "identity"."citizens" ADD CONSTRAINT "citizens_id_number_hash_key" UNIQUE("id_number_hash");--> statement-breakpoint
ALTER TABLE "identity"."signing_keys" ADD CONSTRAINT "signing_keys_private_jwk" CHECK ("identity"."signing_keys"."status" = 'retired' or "identity"."signing_keys"."private_jwk_sealed" is not null);