-- The live claims of a location that overlap a time (a day for a booking, six weeks for availability). The index
-- on (location_id, starts_at) finds them only by reading every earlier claim of the location as well, which grows
-- with every month of history; this one goes straight to the overlapping ones, however long a claim (a staff block)
-- may be. Queries say `tstzrange(starts_at, ends_at, '[)') && tstzrange(from, to, '[)')` to use it.
CREATE INDEX "appointments_live_claims" ON "appointments"
  USING gist ("location_id", tstzrange("starts_at", "ends_at", '[)'))
  WHERE ("status" IN ('held', 'booked', 'checked_in', 'serving'));
--> statement-breakpoint
-- Holds, which a booking releases in its own time when they ran out, and the timer sweeps: few rows at any moment,
-- as holds soon become appointments or are cancelled.
CREATE INDEX "appointments_holds" ON "appointments" ("location_id", "starts_at") WHERE ("status" = 'held');
