-- balie_hold: a hold in one statement (one round trip, one transaction), called by writeHold (hold-store.ts), as
-- balie_book is for bookings: the client's lock and the limit of holds per client, the locks on the wanted quarter
-- hours, the claim on the first counter of p_counters the exclusion constraint lets through (when none does, the
-- release of holds that ran out there, and the counters once more), and its items. The order to try the counters in
-- is the caller's (ranked from the claims index, booking/holds.ts); the exclusion constraint decides what is free.
-- A refusal raises, so that nothing of it stays: BL002 every counter taken, BL004 the client keeps p_max_holds.
-- Returns the hold's id, its counter and the transaction (the change feed's rows name it: change-feed.ts).
-- The locks and the answer are plpgsql expressions, not queries (as in balie_book).
CREATE OR REPLACE FUNCTION balie_hold(
  p_client text, p_max_holds int, p_now timestamptz, p_expires_at timestamptz,
  p_municipality_id int, p_location_id int, p_lock_keys int8[], p_counters int[],
  p_start timestamptz, p_end timestamptz, p_service_ids int[], p_persons int[])
RETURNS TABLE (hold_id uuid, counter_id int, transaction text)
LANGUAGE plpgsql AS $$
DECLARE
  v_id uuid;
  v_counter int;
  v_lock int8;
  v_round int;
BEGIN
  -- The client's holds queue (a two-int key, apart from the time locks' one-bigint keys), then are counted in a
  -- statement of their own, which sees what a hold made while this one waited committed.
  PERFORM pg_advisory_xact_lock(2, hashtext(p_client));
  IF (SELECT count(*) FROM appointments AS a
      WHERE a.status = 'held' AND a.hold_client = p_client AND a.hold_expires_at > p_now) >= p_max_holds THEN
    RAISE EXCEPTION 'too_many_holds' USING ERRCODE = 'BL004';
  END IF;
  FOREACH v_lock IN ARRAY p_lock_keys LOOP
    PERFORM pg_advisory_xact_lock(v_lock);
  END LOOP;

  -- Holds that ran out in the wanted time are released only when every counter is taken, as in balie_book.
  <<placing>>
  FOR v_round IN 1..2 LOOP
    FOREACH v_counter IN ARRAY p_counters LOOP
      INSERT INTO appointments (municipality_id, location_id, counter_id, starts_at, ends_at, status,
        hold_expires_at, hold_client, created_at, updated_at)
      VALUES (p_municipality_id, p_location_id, v_counter, p_start, p_end, 'held', p_expires_at, p_client, p_now,
        p_now)
      ON CONFLICT ON CONSTRAINT appointments_no_overlap DO NOTHING
      RETURNING id INTO v_id;
      EXIT placing WHEN v_id IS NOT NULL;
    END LOOP;
    EXIT WHEN v_round = 2 OR balie_release_expired_holds(p_location_id, p_start, p_end, p_now) = 0;
  END LOOP;
  IF v_id IS NULL THEN
    RAISE EXCEPTION 'time_taken' USING ERRCODE = 'BL002';
  END IF;
  INSERT INTO appointment_items (appointment_id, service_id, persons)
  SELECT v_id, item.service_id, item.persons FROM unnest(p_service_ids, p_persons) AS item(service_id, persons);
  hold_id := v_id;
  counter_id := v_counter;
  transaction := pg_current_xact_id()::text;
  RETURN NEXT;
END $$;
