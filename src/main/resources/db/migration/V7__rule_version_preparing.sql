-- A published version is made ready on every replica before it becomes active, so that the
-- replicas swap to it together, without compiling it at that moment (DESIGN section 9).

-- The version `publish` admitted and asks the replicas to prepare; at most one row.
CREATE TABLE rule_version_preparing (
	id              INTEGER                  NOT NULL CHECK (id = 1),
	content_version VARCHAR(64)              NOT NULL REFERENCES rule_version (content_version),
	asked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (id)
);

-- Each running replica, as it last said: the version it serves, the one it has ready, and how often
-- it says so, so that `publish` knows which replicas to wait for (one not seen for three of its
-- intervals, and at least 30 s, is taken to be gone). Times are the database's own clock.
CREATE TABLE rule_version_replica (
	replica         VARCHAR(200)             NOT NULL,
	serving         VARCHAR(64),
	prepared        VARCHAR(64),
	every_ms        BIGINT                   NOT NULL,
	seen_at         TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (replica)
);
