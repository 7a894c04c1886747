-- Who a token or a session cookie belongs to, and with what role, is cached by each app server
-- for a few seconds (lib/auth/user-cache.ts): every request starts with that lookup. A cache is
-- only safe if it forgets at once what changed, on every server, so each change that can end or
-- alter a signed-in identity notifies channel `sourcedesk_auth`; the servers LISTEN and drop their
-- whole cache (such changes are rare: revocations, sign-outs, role and password changes).
-- Touching a token's lastUsedAt (once a minute per token) is not such a change.
CREATE FUNCTION sourcedesk_notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Notifications of one transaction with the same payload are delivered once, at commit.
  PERFORM pg_notify('sourcedesk_auth', '');
  RETURN NULL;
END $$;

CREATE TRIGGER "ApiToken_auth_change" AFTER UPDATE ON "ApiToken" FOR EACH ROW
  WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt" OR OLD."tokenHash" IS DISTINCT FROM NEW."tokenHash"
    OR OLD."userId" IS DISTINCT FROM NEW."userId")
  EXECUTE FUNCTION sourcedesk_notify_auth_change();
CREATE TRIGGER "ApiToken_auth_delete" AFTER DELETE ON "ApiToken" FOR EACH STATEMENT
  EXECUTE FUNCTION sourcedesk_notify_auth_change();
CREATE TRIGGER "ApiToken_auth_truncate" AFTER TRUNCATE ON "ApiToken" FOR EACH STATEMENT
  EXECUTE FUNCTION sourcedesk_notify_auth_change();

CREATE TRIGGER "Session_auth_change" AFTER UPDATE OR DELETE ON "Session" FOR EACH STATEMENT
  EXECUTE FUNCTION sourcedesk_notify_auth_change();
CREATE TRIGGER "Session_auth_truncate" AFTER TRUNCATE ON "Session" FOR EACH STATEMENT
  EXECUTE FUNCTION sourcedesk_notify_auth_change();

CREATE TRIGGER "User_auth_change" AFTER UPDATE OR DELETE ON "User" FOR EACH STATEMENT
  EXECUTE FUNCTION sourcedesk_notify_auth_change();
CREATE TRIGGER "User_auth_truncate" AFTER TRUNCATE ON "User" FOR EACH STATEMENT
  EXECUTE FUNCTION sourcedesk_notify_auth_change();
