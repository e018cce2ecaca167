-- A claim's change row names its transaction (#17): the process that wrote it, and put the claim in its own claims
-- index already, skips its own rows in the change feed instead of reading those times again.
CREATE OR REPLACE FUNCTION balie_notify_claim() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO changes (payload) VALUES (format('claims:%s:%s:%s:%s', OLD.location_id,
      (extract(epoch from OLD.starts_at) * 1000)::bigint, (extract(epoch from OLD.ends_at) * 1000)::bigint,
      pg_current_xact_id()));
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.location_id IS DISTINCT FROM OLD.location_id
      OR NEW.starts_at IS DISTINCT FROM OLD.starts_at OR NEW.ends_at IS DISTINCT FROM OLD.ends_at) THEN
    INSERT INTO changes (payload) VALUES (format('claims:%s:%s:%s:%s', NEW.location_id,
      (extract(epoch from NEW.starts_at) * 1000)::bigint, (extract(epoch from NEW.ends_at) * 1000)::bigint,
      pg_current_xact_id()));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- balie_hold (src/booking/balie-hold.sql, applied after the migrations) now also returns its transaction.
DROP FUNCTION IF EXISTS balie_hold(text, int, timestamptz, timestamptz, int, int, int8[], int[], timestamptz,
  timestamptz, int[], int[]);
