-- Ids a compatibility API shows for a core resource (EC2 "i-0123...", GCE uint64 strings):
-- minted once, stored, never recomputed. One resource has at most one id per API and kind;
-- several resources may share one (all instances of one EC2 reservation).
-- (Replaces the unused placeholder of V2, which allowed neither shared ids nor uuid lookups.)
DROP TABLE external_ids;
CREATE TABLE external_ids (
    api          VARCHAR(8)   NOT NULL,
    kind         VARCHAR(24)  NOT NULL,
    uuid         VARCHAR(40)  NOT NULL,
    external_id  VARCHAR(64)  NOT NULL,
    account_id   BIGINT       NOT NULL,
    created      DATETIME(3)  NOT NULL,
    CONSTRAINT pk_external_ids PRIMARY KEY (api, kind, uuid)
);
CREATE INDEX ix_external_ids_ext ON external_ids (api, external_id);

-- Client tokens of idempotent requests (EC2 ClientToken, GCE requestId): the first request
-- with a token records what it made; a retry with the same token and parameters gets it back.
CREATE TABLE idempotency_tokens (
    api          VARCHAR(8)    NOT NULL,
    account_id   BIGINT        NOT NULL,
    token        VARCHAR(128)  NOT NULL,
    request_hash VARCHAR(64)   NOT NULL,
    result       VARCHAR(4000) NULL,
    created      DATETIME(3)   NOT NULL,
    CONSTRAINT pk_idempotency_tokens PRIMARY KEY (api, account_id, token)
);

-- Pending work per resource, for views that show an operation in progress (EC2 "pending",
-- "stopping", "shutting-down"): few rows are pending, so the status leads.
CREATE INDEX ix_async_job_pending ON async_job (status, instance_uuid);
