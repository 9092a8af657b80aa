-- The kecamatan, kota and provinsi outlines dissolved from the kelurahan when they were imported,
-- replaced with them: start-up reads these instead of dissolving a national set again (seconds of
-- CPU). Empty for a set imported before this table existed; the service then dissolves at start.
CREATE TABLE boundary_outline (
  code text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2})?)?$'),
  geom geometry(MultiPolygon, 4326) NOT NULL
);
