-- Personal data is sealed from this migration on (see @onego/vault). Rows written before it held
-- it in the clear and cannot be sealed by SQL; the platform was not yet deployed anywhere, so
-- they are discarded rather than migrated.
TRUNCATE "certificates"."certificates", "certificates"."status_slots", "certificates"."outbox", "certificates"."inbox", "certificates"."dead_letters" CASCADE;--> statement-breakpoint
CREATE TABLE "certificates"."data_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"wrapped" "bytea" NOT NULL,
	"master_key_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificates"."certificates" ADD COLUMN "credential_sealed" text NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates"."certificates" ADD COLUMN "facts_sealed" text NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates"."outbox" ADD COLUMN "payload" text NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates"."certificates" DROP COLUMN "credential";--> statement-breakpoint
ALTER TABLE "certificates"."certificates" DROP COLUMN "facts";--> statement-breakpoint
ALTER TABLE "certificates"."outbox" DROP COLUMN "envelope";