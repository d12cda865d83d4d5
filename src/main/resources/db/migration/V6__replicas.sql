-- What several replicas on one database share (DESIGN section 9). Plain SQL for H2 and PostgreSQL
-- (H2 reads BYTEA as its binary type); the single-instance app creates the tables too and uses
-- only shedlock.

-- Spring Session JDBC's own tables, as its schema-postgresql.sql has them: the web form's answers
-- and the kiosk visit, when sessions are kept in the database (backsafe.sessions.store=database).
CREATE TABLE SPRING_SESSION (
	PRIMARY_ID            CHAR(36)     NOT NULL,
	SESSION_ID            CHAR(36)     NOT NULL,
	CREATION_TIME         BIGINT       NOT NULL,
	LAST_ACCESS_TIME      BIGINT       NOT NULL,
	MAX_INACTIVE_INTERVAL INT          NOT NULL,
	EXPIRY_TIME           BIGINT       NOT NULL,
	PRINCIPAL_NAME        VARCHAR(100),
	CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
	SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
	ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
	ATTRIBUTE_BYTES    BYTEA        NOT NULL,
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
		REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);

-- ShedLock's table: a scheduled job (the retention purge) runs on one replica at a time.
CREATE TABLE shedlock (
	name       VARCHAR(64)              NOT NULL,
	lock_until TIMESTAMP WITH TIME ZONE NOT NULL,
	locked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
	locked_by  VARCHAR(255)             NOT NULL,
	PRIMARY KEY (name)
);

-- Rule versions admitted by `publish` (backsafe.rules.source=database): each one gated once, its
-- files and the gate's record kept, and one row naming the version every replica serves.
CREATE TABLE rule_version (
	content_version VARCHAR(64)              NOT NULL,
	version         VARCHAR(12)              NOT NULL,
	gate_record     VARCHAR(1000000)         NOT NULL,
	impact          VARCHAR(1000000),
	admitted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
	admitted_from   VARCHAR(1000)            NOT NULL,
	PRIMARY KEY (content_version)
);

CREATE TABLE rule_version_file (
	content_version VARCHAR(64)  NOT NULL REFERENCES rule_version (content_version),
	name            VARCHAR(500) NOT NULL,
	content         BYTEA        NOT NULL,
	PRIMARY KEY (content_version, name)
);

CREATE TABLE rule_version_active (
	id              INTEGER                  NOT NULL CHECK (id = 1),
	content_version VARCHAR(64)              NOT NULL REFERENCES rule_version (content_version),
	activated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (id)
);
