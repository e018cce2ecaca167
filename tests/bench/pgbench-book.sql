-- pgbench (npm run bench:booking -- --pgbench): balie_book as writeBooking calls it, a new time, key, e-mail address
-- and reference each time, on the counters of one bench location (-D mid, lid, c1, c2, c3, sid). The times are
-- random ten-minute starts over centuries: two the same is rare, and then the next counter takes it.
\set r random(1, 100000000)
\set k random(1, 2000000000)
SELECT outcome FROM balie_book(
  'pgbench:' || :client_id || ':' || :k, 'hash', now(), now() - interval '1 minute',
  :mid::int, :lid::int, 'pgbench-' || :client_id || '-' || :k, 3,
  ARRAY[:lid::int8 * 100000000 + :r::int8],
  NULL::uuid, ARRAY[:c1::int, :c2::int, :c3::int],
  timestamptz '2031-01-06 09:00+01' + :r::int * interval '10 minutes',
  timestamptz '2031-01-06 09:10+01' + :r::int * interval '10 minutes',
  upper(substr(md5(random()::text), 1, 12)), 'Inwoner', 'pgbench@example.nl', NULL::text, 'nl', NULL::jsonb, 'online',
  'token-hash', 'nonce', ARRAY[:sid::int], ARRAY[1],
  ARRAY['confirmation'], ARRAY[now()], '{"language": "nl"}'::jsonb);
