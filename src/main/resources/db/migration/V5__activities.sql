-- Outreach activities (SPEC §7). Numbered 5 to leave 3 and 4 to the targeting migrations.
-- No foreign key to kelurahan: replacing the boundaries must never delete what was done.

CREATE TABLE activity (
  id            text COLLATE "C" PRIMARY KEY,
  type          text NOT NULL CHECK (type IN ('bazar', 'pelatihan', 'pembinaan', 'sosialisasi', 'lainnya')),
  status        text NOT NULL CHECK (status IN ('rencana', 'selesai', 'batal')),
  date          date NOT NULL,
  organiser     text NOT NULL,
  code          text COLLATE "C" NOT NULL CHECK (code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$'),
  lon           double precision,
  lat           double precision CHECK ((lon IS NULL) = (lat IS NULL)),
  target_group  text,
  attendees     integer CHECK (attendees >= 0),
  registrations integer CHECK (registrations >= 0),
  note          text
);
CREATE INDEX activity_code_date_idx ON activity (code, date);
