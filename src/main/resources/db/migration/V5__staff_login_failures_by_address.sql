-- Failed staff logins are counted per user name AND client address (LoginAttempts): five wrong
-- passwords typed in the waiting room lock out that address for the name, not the reception desk.
-- The old rows name no address and cannot be tied to one, so the table starts empty: at most one
-- lockout's worth of counts is forgotten, once, at the upgrade. Plain SQL for H2 and PostgreSQL.
DROP TABLE staff_login_failure;

CREATE TABLE staff_login_failure (
	user_name      VARCHAR(100)             NOT NULL,
	client_address VARCHAR(64)              NOT NULL,
	failures       INTEGER                  NOT NULL,
	last_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	locked_until   TIMESTAMP WITH TIME ZONE,
	PRIMARY KEY (user_name, client_address)
);

CREATE INDEX staff_login_failure_last_failed_at ON staff_login_failure (last_failed_at);

-- Audit rows of logins, failed logins and lockouts say which address the try came from.
ALTER TABLE staff_audit ADD COLUMN client_address VARCHAR(64);
