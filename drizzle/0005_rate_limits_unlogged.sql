-- Rate-limit counters need no crash safety: a crash that forgets them only gives every client a fresh window.
-- Unlogged, an API request's counter update writes no WAL and waits for no WAL flush.
ALTER TABLE "rate_limits" SET UNLOGGED;
