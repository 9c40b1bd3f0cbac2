-- Credentials of the GCE-compatible API. A user may hold several service-account keys; only the
-- public half is kept (the private key is handed out once, in the key file). Access tokens are
-- opaque and kept as their SHA-256, so a copy of the table grants nothing.
CREATE TABLE gce_service_account_keys (
    key_id       VARCHAR(40)   NOT NULL,
    user_id      BIGINT        NOT NULL,
    account_id   BIGINT        NOT NULL,
    public_key   VARCHAR(1024) NOT NULL,
    created      DATETIME(3)   NOT NULL,
    CONSTRAINT pk_gce_service_account_keys PRIMARY KEY (key_id)
);
CREATE INDEX ix_gce_sa_keys_user ON gce_service_account_keys (user_id);

CREATE TABLE gce_access_tokens (
    token_hash   VARCHAR(64)   NOT NULL,
    user_id      BIGINT        NOT NULL,
    expires      DATETIME(3)   NOT NULL,
    CONSTRAINT pk_gce_access_tokens PRIMARY KEY (token_hash)
);
CREATE INDEX ix_gce_access_tokens_expires ON gce_access_tokens (expires);

-- An Operation is one async job; this row adds what GCE shows of it: where it ran (zones/z,
-- regions/r or global), what it worked on and which method started it.
CREATE TABLE gce_operations (
    job_uuid       VARCHAR(40)   NOT NULL,
    operation_id   VARCHAR(24)   NOT NULL,
    account_id     BIGINT        NOT NULL,
    scope          VARCHAR(80)   NOT NULL,
    operation_type VARCHAR(48)   NOT NULL,
    target_path    VARCHAR(255)  NOT NULL,
    target_id      VARCHAR(24)   NOT NULL,
    created        DATETIME(3)   NOT NULL,
    CONSTRAINT pk_gce_operations PRIMARY KEY (job_uuid)
);
CREATE INDEX ix_gce_operations_scope ON gce_operations (account_id, scope, created);

-- GCE instance metadata that has no core column: the items (ssh-keys, startup-script and
-- user-data are also delivered through the VM's keys and user data), the network tags, and
-- the fingerprints clients must echo to change them.
CREATE TABLE gce_instance_metadata (
    vm_uuid          VARCHAR(40)  NOT NULL,
    items            TEXT         NULL,
    fingerprint      VARCHAR(16)  NOT NULL,
    network_tags     VARCHAR(2048) NULL,
    tags_fingerprint VARCHAR(16)  NOT NULL,
    CONSTRAINT pk_gce_instance_metadata PRIMARY KEY (vm_uuid)
);

-- The description a client gives an instance, disk or address: the core has no column for it.
CREATE TABLE gce_descriptions (
    uuid         VARCHAR(40)   NOT NULL,
    description  VARCHAR(2048) NOT NULL,
    CONSTRAINT pk_gce_descriptions PRIMARY KEY (uuid)
);
