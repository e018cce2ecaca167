CREATE TABLE "changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"payload" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The triggers of 0002 write their change into the table instead of NOTIFY: a notifying transaction holds one
-- lock of the whole cluster through its commit, so bookings committed one at a time (issue #17).
CREATE OR REPLACE FUNCTION balie_notify_claim() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO changes (payload) VALUES (format('claims:%s:%s:%s', OLD.location_id,
      (extract(epoch from OLD.starts_at) * 1000)::bigint, (extract(epoch from OLD.ends_at) * 1000)::bigint));
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.location_id IS DISTINCT FROM OLD.location_id
      OR NEW.starts_at IS DISTINCT FROM OLD.starts_at OR NEW.ends_at IS DISTINCT FROM OLD.ends_at) THEN
    INSERT INTO changes (payload) VALUES (format('claims:%s:%s:%s', NEW.location_id,
      (extract(epoch from NEW.starts_at) * 1000)::bigint, (extract(epoch from NEW.ends_at) * 1000)::bigint));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION balie_notify_catalogue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO changes (payload) VALUES ('catalogue');
  RETURN NULL;
END $$;
