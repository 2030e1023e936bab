CREATE SCHEMA "department_adapters";
--> statement-breakpoint
CREATE TABLE "department_adapters"."dead_letters" (
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
CREATE TABLE "department_adapters"."exchanges" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"department" text NOT NULL,
	"item_key" text NOT NULL,
	"child_index" integer NOT NULL,
	"case_ref" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"outcome" text,
	CONSTRAINT "exchanges_case_ref" UNIQUE("case_ref")
);
--> statement-breakpoint
CREATE TABLE "department_adapters"."inbox" (
	"consumer" text NOT NULL,
	"message_id" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_consumer_message_id_pk" PRIMARY KEY("consumer","message_id")
);
--> statement-breakpoint
CREATE TABLE "department_adapters"."outbox" (
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
CREATE INDEX "exchanges_application_idx" ON "department_adapters"."exchanges" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "department_adapters"."outbox" USING btree ("seq") WHERE published_at is null;