-- balie_book: the booking decision, called by writeBooking (book-store.ts). Applied after the migrations on every
-- start (CREATE OR REPLACE, platform/database/migrate.ts), so this file is its one definition; migration 0005 made
-- its first version.
-- A booking in one statement (one round trip, one transaction): the idempotency key, the locks, the limit per
-- e-mail address, the claim on the first counter of p_counters the exclusion constraint lets through (or the hold
-- itself; when none does, the release of holds that ran out there, and the counters once more), its items, its
-- messages and the stored answer. What to try and in which order is decided by the caller (the counter-choice
-- function, booking/domain/counter-choice.ts); the exclusion constraint decides what is free.
-- A refusal raises, so that nothing of it stays: BL001 too many appointments, BL002 every counter taken,
-- BL003 the hold is unknown or booked already. A reference that exists already raises 23505 (drawn again).
-- The claim carries request_tag, the start of the key's MD5, so that the claims index can tell a retry of this
-- request from someone else's (book-appointment.ts refuses from memory only when it is not one).
-- Returns 'booked' with the calendar sequence and, as body, the claim's id and counter and the transaction (the change
-- feed's rows name it: the caller puts the claim in its claims index itself), or 'earlier' with the answer stored
-- under the key. The stored answer is p_body (the answer's language) with the appointment's id and sequence: no
-- personal data, no token. The key's row is written only with its answer, in the same commit (an insert, or an
-- update of a key that ran out: the key's lock is held, so no ON CONFLICT is needed).
-- Locks and the answer are plpgsql expressions (FOREACH, RETURN NEXT), not queries: each query starts PostgreSQL's
-- executor, which was about a tenth of the statement's CPU (#17).
CREATE OR REPLACE FUNCTION balie_book(
  p_key text, p_request_hash text, p_now timestamptz, p_stale_before timestamptz,
  p_municipality_id int, p_location_id int, p_email_key text, p_max_live int, p_lock_keys int8[],
  p_hold_id uuid, p_counters int[], p_start timestamptz, p_end timestamptz,
  p_reference text, p_name text, p_email text, p_phone text, p_language text, p_needs jsonb, p_channel text,
  p_token_hash text, p_nonce text, p_service_ids int[], p_persons int[],
  p_message_kinds text[], p_message_times timestamptz[], p_body jsonb)
RETURNS TABLE (outcome text, sequence int, request_hash text, body jsonb, created_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  v_hold appointments%ROWTYPE;
  v_earlier idempotency_keys%ROWTYPE;
  v_id uuid;
  v_sequence int := 0;
  v_counter int;
  v_moved boolean := false;
  v_lock int8;
  v_stale boolean := false;
  v_round int;
BEGIN
  -- The key first: a concurrent request with the same key waits here until the first one commits, then finds its
  -- answer. The lock is a one-bigint key from the key's hash with bit 62 set, so never one of the time locks (below
  -- 2^40); another key of the same hash only waits as well. The key is written once, with the answer, at the end.
  PERFORM pg_advisory_xact_lock(hashtextextended(p_key, 0) | 4611686018427387904);
  SELECT * INTO v_earlier FROM idempotency_keys AS k WHERE k.key = p_key;
  IF FOUND THEN
    IF v_earlier.created_at >= p_stale_before THEN
      RETURN QUERY SELECT 'earlier'::text, 0, v_earlier.request_hash, v_earlier.body, v_earlier.created_at;
      RETURN;
    END IF;
    v_stale := true;
  END IF;

  -- Bookings of one e-mail address queue (for the limit), then claims on the same quarter hours of the location
  -- (claims/time-locks.ts, lockLocationTime), in ascending order.
  PERFORM pg_advisory_xact_lock(p_municipality_id, hashtext(p_email_key));
  FOREACH v_lock IN ARRAY p_lock_keys LOOP
    PERFORM pg_advisory_xact_lock(v_lock);
  END LOOP;

  IF (SELECT count(*) FROM appointments AS a
      WHERE a.municipality_id = p_municipality_id AND a.email_key = p_email_key
        AND a.status IN ('booked', 'checked_in', 'serving') AND a.ends_at > p_now) >= p_max_live THEN
    RAISE EXCEPTION 'too_many_appointments' USING ERRCODE = 'BL001';
  END IF;

  IF p_hold_id IS NOT NULL THEN
    SELECT * INTO v_hold FROM appointments AS a WHERE a.id = p_hold_id FOR UPDATE;
    IF NOT FOUND OR v_hold.kind <> 'appointment' OR v_hold.reference IS NOT NULL THEN
      RAISE EXCEPTION 'hold_not_found' USING ERRCODE = 'BL003';
    END IF;
  END IF;

  IF v_hold.status = 'held' THEN
    -- The hold itself; the needs made it longer, or ask for another desk: move it, possibly to another counter.
    v_id := v_hold.id;
    v_sequence := v_hold.sequence;
    v_counter := v_hold.counter_id;
    IF NOT (v_hold.ends_at = p_end AND v_hold.counter_id = ANY (p_counters)) THEN
      <<placing>>
      FOR v_round IN 1..2 LOOP
        FOREACH v_counter IN ARRAY p_counters LOOP
          BEGIN
            UPDATE appointments AS a
              SET counter_id = v_counter, starts_at = p_start, ends_at = p_end, updated_at = p_now
              WHERE a.id = v_id;
            v_moved := true;
            EXIT placing;
          EXCEPTION WHEN exclusion_violation THEN
            NULL;
          END;
        END LOOP;
        -- Every counter taken: holds that ran out there are released, and the counters tried once more (below).
        EXIT WHEN v_round = 2 OR balie_release_expired_holds(p_location_id, p_start, p_end, p_now, v_id) = 0;
      END LOOP;
      IF NOT v_moved THEN
        RAISE EXCEPTION 'time_taken' USING ERRCODE = 'BL002';
      END IF;
      v_sequence := v_sequence + 1;
    END IF;
    UPDATE appointments AS a SET status = 'booked', hold_expires_at = NULL, reference = p_reference, name = p_name,
      email = p_email, email_key = p_email_key, phone = p_phone, language = p_language, needs = p_needs,
      channel = p_channel,
      manage_token_hash = p_token_hash, manage_nonce = p_nonce, sequence = v_sequence, updated_at = p_now,
      request_tag = left(md5(p_key), 12)
    WHERE a.id = v_id;
  ELSE
    -- No hold, or it ran out and was released: the time afresh, on the first counter that is free.
    <<placing>>
    FOR v_round IN 1..2 LOOP
      FOREACH v_counter IN ARRAY p_counters LOOP
        INSERT INTO appointments (municipality_id, location_id, counter_id, starts_at, ends_at, status, reference,
          name, email, email_key, phone, language, needs, channel, manage_token_hash, manage_nonce, created_at,
          updated_at, request_tag)
        VALUES (p_municipality_id, p_location_id, v_counter, p_start, p_end, 'booked', p_reference, p_name, p_email,
          p_email_key, p_phone, p_language, p_needs, p_channel, p_token_hash, p_nonce, p_now, p_now,
          left(md5(p_key), 12))
        ON CONFLICT ON CONSTRAINT appointments_no_overlap DO NOTHING
        RETURNING id INTO v_id;
        EXIT placing WHEN v_id IS NOT NULL;
      END LOOP;
      -- Every counter taken: holds that ran out in the wanted time never stand in the way (docs/decisions.md, "Live
      -- claims"), so they are released under the time locks and the counters tried once more. Released only then:
      -- in a rush almost every booking finds its counter free, and the release was a statement of its own in each.
      EXIT WHEN v_round = 2 OR balie_release_expired_holds(p_location_id, p_start, p_end, p_now) = 0;
    END LOOP;
    IF v_id IS NULL THEN
      RAISE EXCEPTION 'time_taken' USING ERRCODE = 'BL002';
    END IF;
    INSERT INTO appointment_items (appointment_id, service_id, persons)
    SELECT v_id, item.service_id, item.persons FROM unnest(p_service_ids, p_persons) AS item(service_id, persons);
  END IF;

  INSERT INTO outbox (appointment_id, kind, sequence, next_attempt_at, created_at)
  SELECT v_id, message.kind, v_sequence, message.due, p_now
  FROM unnest(p_message_kinds, p_message_times) AS message(kind, due);

  -- (The housekeeper may delete a key that ran out at any moment; then the update finds nothing, and it is inserted.)
  IF v_stale THEN
    UPDATE idempotency_keys AS k SET request_hash = p_request_hash, status = 201,
      body = p_body || jsonb_build_object('appointmentId', v_id, 'sequence', v_sequence), created_at = p_now
    WHERE k.key = p_key;
    v_stale := FOUND;
  END IF;
  IF NOT v_stale THEN
    INSERT INTO idempotency_keys (key, request_hash, status, body, created_at)
    VALUES (p_key, p_request_hash, 201, p_body || jsonb_build_object('appointmentId', v_id, 'sequence', v_sequence),
      p_now);
  END IF;
  outcome := 'booked';
  sequence := v_sequence;
  request_hash := NULL;
  body := jsonb_build_object('id', v_id, 'counterId', v_counter, 'transaction', pg_current_xact_id()::text);
  created_at := NULL;
  RETURN NEXT;
END $$;
