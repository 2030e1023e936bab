-- Personal data is sealed from this migration on (see @onego/vault). Rows written before it held
-- it in the clear and cannot be sealed by SQL; the platform was not yet deployed anywhere, so
-- they are discarded rather than migrated.
TRUNCATE "department_simulators"."received_requests", "department_simulators"."pending_answers", "department_simulators"."http_cases", "department_simulators"."cancellations", "department_simulators"."outbox", "department_simulators"."inbox", "department_simulators"."dead_letters" CASCADE;--> statement-breakpoint
CREATE TABLE "department_simulators"."data_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"wrapped" "bytea" NOT NULL,
	"master_key_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "department_simulators"."http_cases" ADD COLUMN "decision_sealed" text NOT NULL;--> statement-breakpoint
ALTER TABLE "department_simulators"."outbox" ADD COLUMN "payload" text NOT NULL;--> statement-breakpoint
ALTER TABLE "department_simulators"."pending_answers" ADD COLUMN "decision_sealed" text NOT NULL;--> statement-breakpoint
ALTER TABLE "department_simulators"."received_requests" ADD COLUMN "payload_sealed" text NOT NULL;--> statement-breakpoint
ALTER TABLE "department_simulators"."http_cases" DROP COLUMN "decision";--> statement-breakpoint
ALTER TABLE "department_simulators"."outbox" DROP COLUMN "envelope";--> statement-breakpoint
ALTER TABLE "department_simulators"."pending_answers" DROP COLUMN "decision";--> statement-breakpoint
ALTER TABLE "department_simulators"."received_requests" DROP COLUMN "payload";