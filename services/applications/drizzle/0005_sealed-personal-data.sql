-- Personal data is sealed from this migration on (see @onego/vault). Rows written before it held
-- it in the clear and cannot be sealed by SQL; the platform was not yet deployed anywhere, so
-- they are discarded rather than migrated.
TRUNCATE "applications"."applications", "applications"."items", "applications"."materials", "applications"."timeline", "applications"."deadline_alerts", "applications"."ratings", "applications"."follow_ups", "applications"."outbox", "applications"."inbox", "applications"."dead_letters" CASCADE;--> statement-breakpoint
CREATE TABLE "applications"."data_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"wrapped" "bytea" NOT NULL,
	"master_key_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications"."applications" ADD COLUMN "form_sealed" text NOT NULL;--> statement-breakpoint
ALTER TABLE "applications"."applications" ADD COLUMN "children_masked" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "applications"."items" ADD COLUMN "outputs_sealed" text;--> statement-breakpoint
ALTER TABLE "applications"."materials" ADD COLUMN "content_sealed" text;--> statement-breakpoint
ALTER TABLE "applications"."outbox" ADD COLUMN "payload" text NOT NULL;--> statement-breakpoint
ALTER TABLE "applications"."applications" DROP COLUMN "form";--> statement-breakpoint
ALTER TABLE "applications"."items" DROP COLUMN "outputs";--> statement-breakpoint
ALTER TABLE "applications"."materials" DROP COLUMN "content";--> statement-breakpoint
ALTER TABLE "applications"."outbox" DROP COLUMN "envelope";