-- The booking in one statement: this migration first made the function balie_book. Its one definition is now
-- src/booking/balie-book.sql, which every start applies after the migrations (CREATE OR REPLACE), so it is not
-- repeated here. A database migrated before keeps what this file made until that file replaces it.
SELECT 1;
