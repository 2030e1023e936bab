CREATE SCHEMA "department_simulators";
--> statement-breakpoint
CREATE TABLE "department_simulators"."dead_letters" (
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
CREATE TABLE "department_simulators"."inbox" (
	"consumer" text NOT NULL,
	"message_id" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_consumer_message_id_pk" PRIMARY KEY("consumer","message_id")
);
--> statement-breakpoint
CREATE TABLE "department_simulators"."outbox" (
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
CREATE TABLE "department_simulators"."pending_answers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"department" text NOT NULL,
	"case_ref" text NOT NULL,
	"decision" jsonb NOT NULL,
	"conforms" boolean NOT NULL,
	"due_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "department_simulators"."received_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"department" text NOT NULL,
	"subject" text NOT NULL,
	"case_ref" text NOT NULL,
	"payload" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "department_simulators"."outbox" USING btree ("seq") WHERE published_at is null;--> statement-breakpoint
CREATE INDEX "pending_answers_due_idx" ON "department_simulators"."pending_answers" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "received_requests_case_idx" ON "department_simulators"."received_requests" USING btree ("department","case_ref");