-- Every change to a counter claim tells listeners (the availability caches of all processes) which location
-- and which time it touched: "claims:<location>:<start ms>:<end ms>". Delivered on commit.
CREATE OR REPLACE FUNCTION balie_notify_claim() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('balie_changes', format('claims:%s:%s:%s', OLD.location_id,
      (extract(epoch from OLD.starts_at) * 1000)::bigint, (extract(epoch from OLD.ends_at) * 1000)::bigint));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('balie_changes', format('claims:%s:%s:%s', NEW.location_id,
      (extract(epoch from NEW.starts_at) * 1000)::bigint, (extract(epoch from NEW.ends_at) * 1000)::bigint));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER appointments_notify AFTER INSERT OR UPDATE OR DELETE ON "appointments"
  FOR EACH ROW EXECUTE FUNCTION balie_notify_claim();
--> statement-breakpoint
-- Any change to what is offered when and where: "catalogue".
CREATE OR REPLACE FUNCTION balie_notify_catalogue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('balie_changes', 'catalogue');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER municipalities_notify AFTER INSERT OR UPDATE OR DELETE ON "municipalities" FOR EACH STATEMENT EXECUTE FUNCTION balie_notify_catalogue();
--> statement-breakpoint
CREATE TRIGGER locations_notify AFTER INSERT OR UPDATE OR DELETE ON "locations" FOR EACH STATEMENT EXECUTE FUNCTION balie_notify_catalogue();
--> statement-breakpoint
CREATE TRIGGER services_notify AFTER INSERT OR UPDATE OR DELETE ON "services" FOR EACH STATEMENT EXECUTE FUNCTION balie_notify_catalogue();
--> statement-breakpoint
CREATE TRIGGER location_services_notify AFTER INSERT OR UPDATE OR DELETE ON "location_services" FOR EACH STATEMENT EXECUTE FUNCTION balie_notify_catalogue();
--> statement-breakpoint
CREATE TRIGGER counters_notify AFTER INSERT OR UPDATE OR DELETE ON "counters" FOR EACH STATEMENT EXECUTE FUNCTION balie_notify_catalogue();
--> statement-breakpoint
CREATE TRIGGER counter_services_notify AFTER INSERT OR UPDATE OR DELETE ON "counter_services" FOR EACH STATEMENT EXECUTE FUNCTION balie_notify_catalogue();
--> statement-breakpoint
CREATE TRIGGER opening_hours_notify AFTER INSERT OR UPDATE OR DELETE ON "opening_hours" FOR EACH STATEMENT EXECUTE FUNCTION balie_notify_catalogue();
--> statement-breakpoint
CREATE TRIGGER opening_exceptions_notify AFTER INSERT OR UPDATE OR DELETE ON "opening_exceptions" FOR EACH STATEMENT EXECUTE FUNCTION balie_notify_catalogue();
