-- Citizens register with any identity document (ID_DOCUMENT_TYPES of @onego/codes) from this
-- migration on. Every account before it was registered with a resident ID: the default gives them
-- that type. Their lookup hashes stay valid, since a resident ID's hash is still taken over the
-- number alone (src/domain/id-documents.ts); other types hash `<type>:<number>`.
ALTER TABLE "identity"."citizens" ADD COLUMN "id_type" text DEFAULT 'resident-id' NOT NULL;--> statement-breakpoint
ALTER TABLE "identity"."citizens" ADD CONSTRAINT "citizens_id_type" CHECK ("identity"."citizens"."id_type" in ('resident-id', 'hmt-residence-permit', 'foreign-permanent-resident-id', 'passport', 'hk-macao-home-return-permit', 'taiwan-compatriot-permit'));