CREATE TABLE "applications"."consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"citizen_id" uuid NOT NULL,
	"citizen_party" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"grantee_party" text,
	"grantee_document_hash" text,
	"revoked_at" timestamp with time zone,
	"clerk_id" uuid,
	"clerk_region" text,
	"clerk_name_sealed" text,
	"purpose" text,
	"method" text,
	"statement_sealed" text,
	"reference_sealed" text,
	CONSTRAINT "consents_kind_columns" CHECK ((kind = 'other-parent' and grantee_party is not null and grantee_document_hash is not null)
        or (kind = 'clerk-assisted' and clerk_id is not null and method is not null and statement_sealed is not null))
);
--> statement-breakpoint
ALTER TABLE "applications"."consents" ADD CONSTRAINT "consents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "applications"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consents_one_standing_other_parent" ON "applications"."consents" USING btree ("application_id") WHERE kind = 'other-parent' and revoked_at is null;--> statement-breakpoint
CREATE INDEX "consents_citizen_idx" ON "applications"."consents" USING btree ("citizen_id","at");--> statement-breakpoint
CREATE INDEX "consents_grantee_idx" ON "applications"."consents" USING btree ("grantee_document_hash") WHERE grantee_document_hash is not null;--> statement-breakpoint
CREATE INDEX "consents_clerk_idx" ON "applications"."consents" USING btree ("clerk_id","at","application_id") WHERE clerk_id is not null;--> statement-breakpoint
CREATE INDEX "consents_application_idx" ON "applications"."consents" USING btree ("application_id");