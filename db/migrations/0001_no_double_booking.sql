-- DESIGN invariant 1: a counter never has two live claims (appointments, holds, blocks) whose times overlap.
-- Expired holds still count here; the booking transaction removes those in its way.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("counter_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" IN ('held', 'booked', 'checked_in', 'serving'));
