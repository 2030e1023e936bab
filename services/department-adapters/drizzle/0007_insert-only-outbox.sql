CREATE TABLE "department_adapters"."outbox_streams" (
	"stream" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"republished" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "department_adapters"."outbox_unsent" (
	"id" uuid PRIMARY KEY NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
-- Events not yet published keep waiting: their marks, with their failed attempts.
INSERT INTO "department_adapters"."outbox_unsent" ("id", "since", "attempts", "last_error")
SELECT "id", "created_at", "attempts", "last_error" FROM "department_adapters"."outbox" WHERE "published_at" IS NULL;--> statement-breakpoint
DROP INDEX "department_adapters"."outbox_unpublished_idx";--> statement-breakpoint
ALTER TABLE "department_adapters"."outbox" DROP COLUMN "published_at";--> statement-breakpoint
ALTER TABLE "department_adapters"."outbox" DROP COLUMN "attempts";--> statement-breakpoint
ALTER TABLE "department_adapters"."outbox" DROP COLUMN "last_error";