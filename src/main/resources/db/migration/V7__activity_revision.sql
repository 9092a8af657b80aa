-- One number every activity write raises in its own transaction: version(), which every instance
-- on this database polls, then changes when an activity is added, changed or deleted (a delete
-- leaves no row whose revision could rise), and only once the write is committed.
CREATE TABLE activity_revision (
  one      boolean PRIMARY KEY DEFAULT true CHECK (one),
  revision bigint NOT NULL
);
INSERT INTO activity_revision (revision) VALUES (0);
