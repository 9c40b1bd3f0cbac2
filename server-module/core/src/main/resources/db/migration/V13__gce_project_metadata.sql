-- Project-wide metadata of the GCE API (projects.setCommonInstanceMetadata): one row per
-- project, i.e. per account, holding its items as a JSON array of {key, value} and their
-- fingerprint. A project without a row has no items.
CREATE TABLE gce_project_metadata (
    account_id  BIGINT      NOT NULL,
    items       TEXT        NOT NULL,
    fingerprint VARCHAR(32) NOT NULL,
    CONSTRAINT pk_gce_project_metadata PRIMARY KEY (account_id)
);
