-- pgbench baseline (npm run bench:booking -- --pgbench): one plain single-row INSERT per transaction.
INSERT INTO baseline_inserts (payload) VALUES (repeat('x', 64));
