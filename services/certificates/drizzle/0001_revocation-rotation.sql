CREATE TABLE "certificates"."status_lists" (
	"department" text NOT NULL,
	"list" integer NOT NULL,
	"revocation_bits" "bytea" NOT NULL,
	"suspension_bits" "bytea" NOT NULL,
	"revocation_credential" text NOT NULL,
	"suspension_credential" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "status_lists_department_list_pk" PRIMARY KEY("department","list")
);
--> statement-breakpoint
CREATE TABLE "certificates"."status_slots" (
	"department" text NOT NULL,
	"list" integer NOT NULL,
	"index" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "status_slots_slot" PRIMARY KEY("department","list","index"),
	CONSTRAINT "status_slots_certificate" UNIQUE("item_id","version"),
	CONSTRAINT "status_slots_index_range" CHECK (index >= 0 and index < 131072)
);
--> statement-breakpoint
ALTER TABLE "certificates"."serials" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "certificates"."serials" CASCADE;--> statement-breakpoint
ALTER TABLE "certificates"."certificates" DROP CONSTRAINT "certificates_one_per_item";--> statement-breakpoint
ALTER TABLE "certificates"."certificates" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates"."certificates" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "certificates"."certificates" ADD COLUMN "revocation_reason" text;--> statement-breakpoint
ALTER TABLE "certificates"."certificates" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "certificates"."certificates" ADD COLUMN "suspension_reason" text;--> statement-breakpoint
ALTER TABLE "certificates"."issuer_keys" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "certificates_serial_idx" ON "certificates"."certificates" USING btree ("department","certificate_type","serial");--> statement-breakpoint
ALTER TABLE "certificates"."certificates" ADD CONSTRAINT "certificates_item_version" UNIQUE("item_id","version");