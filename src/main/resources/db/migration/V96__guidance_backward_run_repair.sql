-- A daily run for a day before the latest run (possible until the run refused such days,
-- e.g. after the business time zone moved west) set the day its recommendations were last
-- seen back to its earlier day, so the list (what the latest day's run raised) no longer
-- showed them. Those recommendations were raised after the latest day's run: they are
-- seen on that day again. Only runs that finished after the latest day's run count, so a
-- later regular run's list stays as it was.
UPDATE guidance_recommendation r
SET last_seen_on = latest.day
FROM (SELECT day, finished_at FROM guidance_run ORDER BY day DESC LIMIT 1) latest
WHERE r.last_seen_on < latest.day
  AND r.last_seen_on IN (SELECT b.day FROM guidance_run b
                         WHERE b.day < latest.day AND b.finished_at > latest.finished_at);
