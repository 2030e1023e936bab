CREATE TABLE "applications"."deadline_alerts" (
	"item_id" uuid NOT NULL,
	"level" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deadline_alerts_item_id_level_pk" PRIMARY KEY("item_id","level")
);
--> statement-breakpoint
CREATE TABLE "applications"."follow_ups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"due_date" date NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "applications"."ratings" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"rated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications"."timeline" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"item_id" uuid,
	"item_key" text,
	"department" text,
	"child_index" integer,
	"attempt" integer,
	"actor" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"trace_id" text
);
--> statement-breakpoint
ALTER TABLE "applications"."applications" ADD COLUMN "region" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "applications"."applications" ADD COLUMN "trace_id" text;--> statement-breakpoint
ALTER TABLE "applications"."deadline_alerts" ADD CONSTRAINT "deadline_alerts_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "applications"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications"."follow_ups" ADD CONSTRAINT "follow_ups_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "applications"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications"."ratings" ADD CONSTRAINT "ratings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "applications"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications"."timeline" ADD CONSTRAINT "timeline_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "applications"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_ups_open_idx" ON "applications"."follow_ups" USING btree ("due_date") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "timeline_application_idx" ON "applications"."timeline" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "applications_submitted_idx" ON "applications"."applications" USING btree ("submitted_at","id");--> statement-breakpoint
CREATE INDEX "applications_status_submitted_idx" ON "applications"."applications" USING btree ("status","submitted_at","id");--> statement-breakpoint
CREATE INDEX "applications_region_submitted_idx" ON "applications"."applications" USING btree ("region","submitted_at","id");