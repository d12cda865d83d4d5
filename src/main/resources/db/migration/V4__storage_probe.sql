-- One row that the storage health check rewrites when nothing else has been written for a few
-- seconds: a real write, through the same kind of commit as a kiosk screening's, so that a full disk
-- or a read-only file shows in health before a patient meets it. Plain SQL for H2 and PostgreSQL.
CREATE TABLE storage_probe (
	id        INTEGER                  PRIMARY KEY,
	probed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO storage_probe (id, probed_at) VALUES (1, CURRENT_TIMESTAMP);
