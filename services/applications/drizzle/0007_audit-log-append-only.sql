-- The audit log cannot be edited: entries are only ever added. (A database superuser can still
-- drop the trigger; the hash chain then shows what was changed.)
CREATE FUNCTION "applications"."audit_log_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "applications"."audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "applications"."audit_log_is_append_only"();
