CREATE TABLE "department_simulators"."cancellations" (
	"department" text NOT NULL,
	"case_ref" text NOT NULL,
	"reason" text NOT NULL,
	"cancelled_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cancellations_pk" PRIMARY KEY("department","case_ref")
);
--> statement-breakpoint
CREATE TABLE "department_simulators"."http_cases" (
	"department" text NOT NULL,
	"case_ref" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"receipt_no" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"decision" jsonb NOT NULL,
	"conforms" boolean NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	CONSTRAINT "http_cases_pk" PRIMARY KEY("department","case_ref")
);
--> statement-breakpoint
ALTER TABLE "department_simulators"."pending_answers" ADD COLUMN "message_id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "department_simulators"."received_requests" ADD COLUMN "transport" text DEFAULT 'nats' NOT NULL;--> statement-breakpoint
ALTER TABLE "department_simulators"."received_requests" ADD COLUMN "kind" text DEFAULT 'request' NOT NULL;