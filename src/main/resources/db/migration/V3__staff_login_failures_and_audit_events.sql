-- Failed staff logins per user name, so that a lockout survives a restart and every copy of the app
-- on this database counts the same failures (LoginAttempts). One row per name that failed lately,
-- real or not; a row is deleted on a good login, and once it would start again anyway (its lockout
-- is over, or it has not grown for as long as a lockout lasts).
CREATE TABLE staff_login_failure (
	user_name      VARCHAR(100)             NOT NULL PRIMARY KEY,
	failures       INTEGER                  NOT NULL,
	last_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	locked_until   TIMESTAMP WITH TIME ZONE
);

CREATE INDEX staff_login_failure_last_failed_at ON staff_login_failure (last_failed_at);

-- The audit log also records logins, failed logins, lockouts, list views and searches: entries about
-- no one screening, so its columns may be empty; a detail says what was searched for or how many a
-- list showed.
ALTER TABLE staff_audit ALTER COLUMN screening_id DROP NOT NULL;
ALTER TABLE staff_audit ALTER COLUMN reference_code DROP NOT NULL;
ALTER TABLE staff_audit ADD COLUMN detail VARCHAR(100);
