-- Roles, tokens and the audit log (SPEC §6). Tokens are kept only as the SHA-256 of their secret.

CREATE TABLE api_token (
  id        text PRIMARY KEY,
  name      text NOT NULL,
  role      text NOT NULL CHECK (role IN ('admin', 'importer', 'camat', 'sudin', 'branch')),
  -- A camat is bound to one kecamatan (PP.KK.DD); no other role is.
  kecamatan text CHECK ((role = 'camat') = (kecamatan IS NOT NULL)
                        AND (kecamatan IS NULL OR kecamatan ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$')),
  sha256    text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created   timestamptz NOT NULL,
  revoked   timestamptz
);

-- Append-only: who (token name and role), when, what, old -> new (JSON text).
CREATE TABLE audit_log (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL,
  actor     text NOT NULL,
  role      text NOT NULL,
  action    text NOT NULL,
  subject   text,
  old_value text,
  new_value text
);
