-- A counter's slug (its name in URLs and the staff API) is made from its name when a writer leaves it out:
-- "Balie A" → "balie-a". It stays when the counter is renamed, so that links keep working.
CREATE OR REPLACE FUNCTION balie_counter_slug() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.slug IS NULL OR NEW.slug = '' THEN
    NEW.slug := trim(both '-' from lower(regexp_replace(NEW.name, '[^a-zA-Z0-9]+', '-', 'g')));
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER counters_slug BEFORE INSERT ON counters FOR EACH ROW EXECUTE FUNCTION balie_counter_slug();
