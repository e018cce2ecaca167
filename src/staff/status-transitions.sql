-- The steps an appointment's status may take, enforced by the database as well as by the code
-- (staff/domain/status-steps.ts says when each is allowed: check-in from an hour before, a no-show from the start,
-- a step back on the same day). Any other change of status is refused, whoever writes it.
CREATE OR REPLACE FUNCTION balie_status_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status, NEW.status) IN (
    ('held', 'booked'), ('held', 'cancelled'),
    ('booked', 'checked_in'), ('booked', 'no_show'), ('booked', 'cancelled'),
    ('checked_in', 'serving'), ('checked_in', 'no_show'), ('checked_in', 'booked'),
    ('serving', 'done'), ('serving', 'checked_in'),
    ('done', 'serving'),
    ('no_show', 'booked')
  ) THEN
    RAISE EXCEPTION 'status may not go from % to %', OLD.status, NEW.status USING ERRCODE = 'check_violation',
      CONSTRAINT = 'appointments_status_step';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER appointments_status_step BEFORE UPDATE OF status ON appointments
  FOR EACH ROW EXECUTE FUNCTION balie_status_step();
