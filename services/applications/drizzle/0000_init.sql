CREATE SCHEMA "applications";
--> statement-breakpoint
CREATE TABLE "applications"."applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"bundle" text NOT NULL,
	"status" text NOT NULL,
	"form" jsonb NOT NULL,
	"items" text[] NOT NULL,
	"late" boolean NOT NULL,
	"idempotency_key" text,
	"request_hash" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"due_date" date NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "applications_owner_idempotency_key" UNIQUE("owner_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "applications"."dead_letters" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"consumer" text NOT NULL,
	"stream" text NOT NULL,
	"stream_seq" bigint NOT NULL,
	"subject" text NOT NULL,
	"message_id" text,
	"type" text,
	"deliveries" integer NOT NULL,
	"reason" text NOT NULL,
	"error" text NOT NULL,
	"payload" text NOT NULL,
	"headers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replayed_at" timestamp with time zone,
	CONSTRAINT "dead_letters_message" UNIQUE("consumer","stream","stream_seq")
);
--> statement-breakpoint
CREATE TABLE "applications"."inbox" (
	"consumer" text NOT NULL,
	"message_id" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_consumer_message_id_pk" PRIMARY KEY("consumer","message_id")
);
--> statement-breakpoint
CREATE TABLE "applications"."items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"child_index" integer NOT NULL,
	"item_key" text NOT NULL,
	"department" text NOT NULL,
	"status" text NOT NULL,
	"depends_on" text[] NOT NULL,
	"certificate_type" text,
	"due_date" date NOT NULL,
	"requested_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"outputs" jsonb,
	"reason" jsonb,
	"certificate_id" text,
	CONSTRAINT "items_one_per_child" UNIQUE("application_id","child_index","item_key")
);
--> statement-breakpoint
CREATE TABLE "applications"."outbox" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"subject" text NOT NULL,
	"type" text NOT NULL,
	"envelope" jsonb NOT NULL,
	"headers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "outbox_id_unique" UNIQUE("id")
);
--> statement-breakpoint
ALTER TABLE "applications"."items" ADD CONSTRAINT "items_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "applications"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_owner_submitted_idx" ON "applications"."applications" USING btree ("owner_id","submitted_at");--> statement-breakpoint
CREATE INDEX "items_application_idx" ON "applications"."items" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "items_open_by_department_idx" ON "applications"."items" USING btree ("department","status") WHERE status in ('requested', 'approved');--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "applications"."outbox" USING btree ("seq") WHERE published_at is null;