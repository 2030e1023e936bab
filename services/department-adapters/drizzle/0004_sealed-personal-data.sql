-- Personal data is sealed from this migration on (see @onego/vault). Rows written before it held
-- it in the clear and cannot be sealed by SQL; the platform was not yet deployed anywhere, so
-- they are discarded rather than migrated.
TRUNCATE "department_adapters"."exchanges", "department_adapters"."cancelled_items", "department_adapters"."dispatches", "department_adapters"."outbox", "department_adapters"."inbox", "department_adapters"."dead_letters" CASCADE;--> statement-breakpoint
CREATE TABLE "department_adapters"."data_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"wrapped" "bytea" NOT NULL,
	"master_key_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "department_adapters"."dispatches" ADD COLUMN "body_sealed" text;--> statement-breakpoint
ALTER TABLE "department_adapters"."outbox" ADD COLUMN "payload" text NOT NULL;--> statement-breakpoint
ALTER TABLE "department_adapters"."dispatches" DROP COLUMN "body";--> statement-breakpoint
ALTER TABLE "department_adapters"."outbox" DROP COLUMN "envelope";