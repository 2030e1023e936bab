CREATE TABLE "applications"."materials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"code" text NOT NULL,
	"media_type" text,
	"size" integer,
	"sha256" text,
	"content" "bytea",
	"certificate_id" text,
	"supplied_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications"."applications" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications"."items" ADD COLUMN "attempt" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "applications"."items" ADD COLUMN "materials" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "applications"."items" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications"."materials" ADD CONSTRAINT "materials_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "applications"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "materials_application_idx" ON "applications"."materials" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "items_awaiting_materials_idx" ON "applications"."items" USING btree ("application_id") WHERE status = 'awaiting-materials';