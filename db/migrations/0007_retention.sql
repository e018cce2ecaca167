ALTER TABLE "appointments" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "appointments_to_erase" ON "appointments" USING btree ("ends_at") WHERE "appointments"."erased_at" is null and "appointments"."kind" = 'appointment';--> statement-breakpoint
-- Answers kept before this migration held names, e-mail addresses and manage tokens: they go (a retry within the
-- day books anew, or meets its own appointment as a taken time).
DELETE FROM "idempotency_keys";
