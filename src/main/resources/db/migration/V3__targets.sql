-- Camat targets (SPEC §6): one per (kelurahan, sector, target month).
CREATE SEQUENCE target_revision;

CREATE TABLE target (
  code      text COLLATE "C" NOT NULL CHECK (code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$'),
  sector    text NOT NULL CHECK (sector IN ('PU', 'BPU', 'JAKON', 'ALL')),
  period    date NOT NULL CHECK (extract(day FROM period) = 1),
  target    bigint NOT NULL CHECK (target > 0),
  baseline  date NOT NULL CHECK (extract(day FROM baseline) = 1),
  assignee  text,
  note      text,
  -- Rises with every write, so the service sees a change made by another process (Store.version).
  revision  bigint NOT NULL DEFAULT nextval('target_revision'),
  PRIMARY KEY (code, sector, period),
  CHECK (baseline < period)
);
