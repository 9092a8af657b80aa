-- The PostGIS store (SPEC §2-3). Codes are Kemendagri dotted codes (PP.KK.DD.VVVV).
-- Codes and sectors use the "C" collation: byte order is what the service sorts by, whatever
-- the database's locale, and it keeps the 3-million-row coverage key cheap to compare.

-- Needs a superuser the first time; when an administrator has already created it this is a no-op.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE kelurahan (
  code      text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$'),
  -- Position in the imported set, so the set reads back in the order it was written.
  ordinal   integer NOT NULL UNIQUE,
  kode_bps  text,
  name      text NOT NULL,
  kecamatan text NOT NULL,
  kota      text NOT NULL,
  luas_km2  double precision NOT NULL,
  geom      geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX kelurahan_geom_idx ON kelurahan USING gist (geom);

-- What the whole boundary set is: at most one row (none before the first boundary import).
CREATE TABLE boundary_set (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  source    text NOT NULL,
  schematic boolean NOT NULL
);

-- Boundary features the gazetteer could not place: reported, never mapped.
CREATE TABLE unmatched_feature (
  ordinal       integer PRIMARY KEY,
  feature_index integer NOT NULL,
  kode_bps      text,
  name          text,
  kecamatan     text,
  reason        text
);

-- No foreign key to kelurahan: replacing the boundaries must never delete counts.
CREATE TABLE coverage (
  code         text COLLATE "C" NOT NULL CHECK (code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$'),
  period       date NOT NULL CHECK (extract(day FROM period) = 1),
  sector       text COLLATE "C" NOT NULL CHECK (sector IN ('PU', 'BPU', 'JAKON')),
  participants bigint NOT NULL CHECK (participants >= 0),
  workforce    bigint CHECK (workforce >= 0),
  PRIMARY KEY (code, period, sector)
);

CREATE TABLE import_log (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL,
  kind      text NOT NULL,
  by        text,
  file_name text,
  sha256    text,
  rows      integer NOT NULL CHECK (rows >= 0)
);
