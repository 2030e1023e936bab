CREATE SCHEMA "identity";
--> statement-breakpoint
CREATE TABLE "identity"."citizens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"id_number" text NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "citizens_id_number_key" UNIQUE("id_number")
);
--> statement-breakpoint
CREATE TABLE "identity"."signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "signing_keys_status" CHECK ("identity"."signing_keys"."status" in ('active', 'retired')),
	CONSTRAINT "signing_keys_retired_at" CHECK (("identity"."signing_keys"."status" = 'retired') = ("identity"."signing_keys"."retired_at" is not null))
);
