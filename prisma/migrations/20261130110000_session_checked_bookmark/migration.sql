-- The bookmark toggle with the session check in the same statement. The
-- route used to read the account's sessionVersion (one round trip) and then
-- call reader_set_bookmark (a second one). Here the check is the first step
-- of the write's own transaction, so a toggle costs one round trip.
--
-- The account row is read FOR SHARE: ending the sessions (an UPDATE of
-- sessionVersion) or deleting the account waits for a toggle that already
-- passed the check, and a toggle that comes after them re-reads the row and
-- finds the new version (or no row). So once ending the sessions has
-- returned, no write of an old cookie can still commit, which the separate
-- read never guaranteed. A session that is not current gets sessionEnded
-- and nothing is written.
CREATE FUNCTION "reader_set_bookmark_in_session"(p_user text, p_sv integer, p_paper text, p_on boolean, p_max integer)
RETURNS TABLE ("changedMs" bigint, "overLimit" boolean, "sessionEnded" boolean)
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM 1 FROM "User" u WHERE u."id" = p_user AND u."sessionVersion" = p_sv FOR SHARE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT NULL::bigint, false, true;
    RETURN;
  END IF;
  RETURN QUERY SELECT r."changedMs", r."overLimit", false FROM reader_set_bookmark(p_user, p_paper, p_on, p_max) r;
END
$$;
