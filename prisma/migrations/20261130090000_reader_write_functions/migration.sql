-- The reader's writes in one round trip each. lib/reader/bookmarks.ts and
-- reading-status.ts used interactive transactions (BEGIN, lock, count,
-- write, clock, COMMIT: up to seven round trips, each holding a pooled
-- connection). These functions do the same steps inside the single
-- statement that calls them, which is its own transaction: the advisory
-- locks are held until it ends, exactly as before.

-- Sets (not flips) a bookmark. Locks the (reader, paper) pair, reads the
-- clock once the lock is granted (changed_ms: the order of acknowledged
-- writes), and for a new bookmark counts the reader's bookmarks under the
-- reader's lock (taken after the pair's, as everywhere else). Over p_max,
-- nothing is written and over_limit is true. Before returning it waits until
-- the clock has passed changed_ms, so the next holder of the lock reads a
-- strictly later millisecond.
CREATE FUNCTION "reader_set_bookmark"(p_user text, p_paper text, p_on boolean, p_max integer)
RETURNS TABLE ("changedMs" bigint, "overLimit" boolean)
LANGUAGE plpgsql
AS $$
DECLARE
  v_ms bigint;
  v_total integer;
  v_present boolean;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_user || ':' || p_paper, 0));
  v_ms := floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint;
  IF p_on THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('reader-rows:' || p_user, 0));
    SELECT count(*)::int, coalesce(bool_or(b."paperId" = p_paper), false) INTO v_total, v_present
      FROM "Bookmark" b WHERE b."userId" = p_user;
    IF NOT v_present AND v_total + 1 > p_max THEN
      RETURN QUERY SELECT v_ms, true;
      RETURN;
    END IF;
    -- An existing bookmark keeps its original createdAt. Ids look like Prisma's cuids ("c" and 24 [0-9a-f]).
    INSERT INTO "Bookmark" ("id", "userId", "paperId", "createdAt")
      VALUES ('c' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 24), p_user, p_paper,
              to_timestamp(v_ms / 1000.0) AT TIME ZONE 'UTC')
      ON CONFLICT ("userId", "paperId") DO NOTHING;
  ELSE
    DELETE FROM "Bookmark" b WHERE b."userId" = p_user AND b."paperId" = p_paper;
  END IF;
  WHILE floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint <= v_ms LOOP
  END LOOP;
  RETURN QUERY SELECT v_ms, false;
END
$$;

-- Sets a reading status. A status on a paper without one is counted under
-- the reader's lock; over p_max nothing is written and over_limit is true.
CREATE FUNCTION "reader_set_status"(p_user text, p_paper text, p_status "ReadingStatusValue", p_max integer)
RETURNS TABLE ("status" "ReadingStatusValue", "overLimit" boolean)
LANGUAGE plpgsql
AS $$
DECLARE
  v_total integer;
  v_present boolean;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('reader-rows:' || p_user, 0));
  SELECT count(*)::int, coalesce(bool_or(s."paperId" = p_paper), false) INTO v_total, v_present
    FROM "ReadingStatus" s WHERE s."userId" = p_user;
  IF NOT v_present AND v_total + 1 > p_max THEN
    RETURN QUERY SELECT NULL::"ReadingStatusValue", true;
    RETURN;
  END IF;
  INSERT INTO "ReadingStatus" ("userId", "paperId", "status", "updatedAt")
    VALUES (p_user, p_paper, p_status, clock_timestamp() AT TIME ZONE 'UTC')
    ON CONFLICT ("userId", "paperId") DO UPDATE SET "status" = EXCLUDED."status", "updatedAt" = EXCLUDED."updatedAt";
  RETURN QUERY SELECT p_status, false;
END
$$;
