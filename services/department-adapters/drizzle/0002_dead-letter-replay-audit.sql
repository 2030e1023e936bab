ALTER TABLE "department_adapters"."dead_letters" ADD COLUMN "replayed_by" text;--> statement-breakpoint
ALTER TABLE "department_adapters"."dead_letters" ADD COLUMN "replay_reason" text;--> statement-breakpoint
ALTER TABLE "department_adapters"."dead_letters" ADD COLUMN "replays" integer DEFAULT 0 NOT NULL;