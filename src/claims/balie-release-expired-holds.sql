-- balie_release_expired_holds: the one rule for holds that ran out where a claim is wanted (docs/decisions.md,
-- "Live claims"): they are cancelled, in the transaction that wants the time and under its time locks, so that
-- they never stand in its way. Called by balie_book, balie_hold and listLiveClaims with `releaseExpiredIn`
-- (claims-store.ts). `p_keep` is a hold that must stay (the one a booking turns into an appointment).
-- The overlap is said twice: as bounds for the holds' own index, and as a range for the index of live claims,
-- which the planner may take instead (before a table has statistics it took that one on location_id alone and read
-- every live claim of the location: README, "Counted in instructions").
-- Returns how many it released.
CREATE OR REPLACE FUNCTION balie_release_expired_holds(
  p_location_id int, p_start timestamptz, p_end timestamptz, p_now timestamptz, p_keep uuid DEFAULT NULL)
RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
  v_released int;
BEGIN
  UPDATE appointments AS a SET status = 'cancelled', updated_at = p_now
  WHERE a.location_id = p_location_id AND a.status = 'held' AND a.hold_expires_at <= p_now
    AND a.starts_at < p_end AND a.ends_at > p_start
    AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(p_start, p_end, '[)')
    AND a.id IS DISTINCT FROM p_keep;
  GET DIAGNOSTICS v_released = ROW_COUNT;
  RETURN v_released;
END $$;
