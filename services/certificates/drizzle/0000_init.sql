CREATE SCHEMA "certificates";
--> statement-breakpoint
CREATE TABLE "certificates"."certificates" (
	"id" text PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"child_index" integer NOT NULL,
	"item_key" text NOT NULL,
	"department" text NOT NULL,
	"certificate_type" text NOT NULL,
	"serial" bigint NOT NULL,
	"issuer_kid" text NOT NULL,
	"credential" text NOT NULL,
	"facts" jsonb NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "certificates_one_per_item" UNIQUE("item_id")
);
--> statement-breakpoint
CREATE TABLE "certificates"."dead_letters" (
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
CREATE TABLE "certificates"."inbox" (
	"consumer" text NOT NULL,
	"message_id" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_consumer_message_id_pk" PRIMARY KEY("consumer","message_id")
);
--> statement-breakpoint
CREATE TABLE "certificates"."issuer_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"department" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "issuer_keys_status" CHECK (status in ('active', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "certificates"."outbox" (
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
CREATE TABLE "certificates"."serials" (
	"issuer_code" text NOT NULL,
	"type_code" text NOT NULL,
	"next" bigint NOT NULL,
	CONSTRAINT "serials_issuer_code_type_code_pk" PRIMARY KEY("issuer_code","type_code")
);
--> statement-breakpoint
CREATE INDEX "certificates_owner_application_idx" ON "certificates"."certificates" USING btree ("owner_id","application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "issuer_keys_one_active_per_department" ON "certificates"."issuer_keys" USING btree ("department") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "issuer_keys_department_idx" ON "certificates"."issuer_keys" USING btree ("department");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "certificates"."outbox" USING btree ("seq") WHERE published_at is null;