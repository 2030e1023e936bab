CREATE TABLE "department_adapters"."cancelled_items" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"department" text NOT NULL,
	"reason" text NOT NULL,
	"cancelled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "department_adapters"."dispatches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"department" text NOT NULL,
	"case_ref" text NOT NULL,
	"kind" text NOT NULL,
	"body" jsonb,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"claim" uuid,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "dispatches_case_kind" UNIQUE("case_ref","kind")
);
--> statement-breakpoint
-- drizzle-kit cannot name the primary key it replaces: "exchanges_pkey" is Postgres's name for the
-- column-level key of 0000_init. The new columns come before the composite key that uses them.
ALTER TABLE "department_adapters"."exchanges" ADD COLUMN "attempt" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "department_adapters"."exchanges" ADD COLUMN "transport" text DEFAULT 'nats' NOT NULL;--> statement-breakpoint
ALTER TABLE "department_adapters"."exchanges" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "department_adapters"."exchanges" DROP CONSTRAINT "exchanges_pkey";--> statement-breakpoint
ALTER TABLE "department_adapters"."exchanges" ADD CONSTRAINT "exchanges_item_attempt" PRIMARY KEY("item_id","attempt");--> statement-breakpoint
CREATE INDEX "dispatches_due_idx" ON "department_adapters"."dispatches" USING btree ("department","due_at") WHERE status = 'pending';