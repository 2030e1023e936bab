CREATE TABLE "identity"."clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"secret_hash" text NOT NULL,
	"department" text NOT NULL,
	"scopes" text[] NOT NULL,
	"grant_types" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."login_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account" text NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"subject_type" text NOT NULL,
	"scope" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"revocation_reason" text,
	CONSTRAINT "sessions_subject_type" CHECK ("identity"."sessions"."subject_type" in ('citizen', 'staff', 'client'))
);
--> statement-breakpoint
CREATE TABLE "identity"."staff" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"region" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "staff_username_key" UNIQUE("username"),
	CONSTRAINT "staff_role" CHECK ("identity"."staff"."role" in ('clerk', 'operator'))
);
--> statement-breakpoint
ALTER TABLE "identity"."signing_keys" ADD COLUMN "signs_from" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "login_attempts_account_idx" ON "identity"."login_attempts" USING btree ("account","attempted_at");--> statement-breakpoint
CREATE INDEX "login_attempts_at_idx" ON "identity"."login_attempts" USING btree ("attempted_at");--> statement-breakpoint
CREATE INDEX "sessions_subject_idx" ON "identity"."sessions" USING btree ("subject","expires_at");--> statement-breakpoint
CREATE INDEX "sessions_revoked_idx" ON "identity"."sessions" USING btree ("expires_at") WHERE "identity"."sessions"."revoked_at" is not null;