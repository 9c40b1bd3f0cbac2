-- Identity, settings, sessions, management-server nodes and events.
-- Portable SQL: runs unchanged on H2 (MariaDB mode) and on MariaDB/MySQL.

CREATE TABLE domains (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid        VARCHAR(40)   NOT NULL,
    name        VARCHAR(255)  NOT NULL,
    parent_id   BIGINT        NULL,
    path        VARCHAR(1024) NOT NULL,
    level       INT           NOT NULL,
    state       VARCHAR(16)   NOT NULL,
    created     DATETIME(3)   NOT NULL,
    removed     DATETIME(3)   NULL,
    CONSTRAINT uq_domains_uuid UNIQUE (uuid),
    CONSTRAINT fk_domains_parent FOREIGN KEY (parent_id) REFERENCES domains (id)
);

CREATE TABLE accounts (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid        VARCHAR(40)  NOT NULL,
    name        VARCHAR(255) NOT NULL,
    domain_id   BIGINT       NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    is_default  BOOLEAN      NOT NULL,
    created     DATETIME(3)  NOT NULL,
    removed     DATETIME(3)  NULL,
    CONSTRAINT uq_accounts_uuid UNIQUE (uuid),
    CONSTRAINT fk_accounts_domain FOREIGN KEY (domain_id) REFERENCES domains (id)
);
CREATE INDEX ix_accounts_domain_name ON accounts (domain_id, name);

CREATE TABLE users (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid           VARCHAR(40)  NOT NULL,
    account_id     BIGINT       NOT NULL,
    username       VARCHAR(255) NOT NULL,
    password_hash  VARCHAR(255) NULL,
    firstname      VARCHAR(255) NOT NULL,
    lastname       VARCHAR(255) NOT NULL,
    email          VARCHAR(255) NULL,
    timezone       VARCHAR(64)  NULL,
    state          VARCHAR(16)  NOT NULL,
    api_key        VARCHAR(128) NULL,
    secret_key_enc VARCHAR(512) NULL,
    is_default     BOOLEAN      NOT NULL,
    created        DATETIME(3)  NOT NULL,
    removed        DATETIME(3)  NULL,
    CONSTRAINT uq_users_uuid UNIQUE (uuid),
    CONSTRAINT uq_users_api_key UNIQUE (api_key),
    CONSTRAINT fk_users_account FOREIGN KEY (account_id) REFERENCES accounts (id)
);
CREATE INDEX ix_users_username ON users (username);

CREATE TABLE settings (
    name      VARCHAR(255)  NOT NULL,
    scope     VARCHAR(16)   NOT NULL,
    scope_id  BIGINT        NOT NULL,
    setting_value VARCHAR(4096) NOT NULL,
    updated   DATETIME(3)   NOT NULL,
    PRIMARY KEY (name, scope, scope_id)
);

CREATE TABLE user_sessions (
    session_key VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id     BIGINT      NOT NULL,
    created     DATETIME(3) NOT NULL,
    expires     DATETIME(3) NOT NULL,
    CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
);

CREATE TABLE mshost (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    node_id        VARCHAR(64)  NOT NULL,
    address        VARCHAR(255) NOT NULL,
    version        VARCHAR(64)  NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    started        DATETIME(3)  NOT NULL,
    last_heartbeat DATETIME(3)  NOT NULL,
    CONSTRAINT uq_mshost_node UNIQUE (node_id)
);

CREATE TABLE events (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid          VARCHAR(40)   NOT NULL,
    type          VARCHAR(64)   NOT NULL,
    level         VARCHAR(16)   NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    description   VARCHAR(2048) NOT NULL,
    account_id    BIGINT        NOT NULL,
    user_id       BIGINT        NOT NULL,
    resource_type VARCHAR(64)   NULL,
    resource_uuid VARCHAR(40)   NULL,
    created       DATETIME(3)   NOT NULL,
    CONSTRAINT uq_events_uuid UNIQUE (uuid)
);
CREATE INDEX ix_events_account ON events (account_id, id);

CREATE TABLE async_job (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid           VARCHAR(40)  NOT NULL,
    cmd            VARCHAR(255) NOT NULL,
    account_id     BIGINT       NOT NULL,
    user_id        BIGINT       NOT NULL,
    instance_type  VARCHAR(64)  NULL,
    instance_uuid  VARCHAR(40)  NULL,
    sync_key       VARCHAR(128) NULL,
    status         INT          NOT NULL,
    proc_status    INT          NOT NULL,
    result_code    INT          NOT NULL,
    result         TEXT         NULL,
    owner_node     BIGINT       NULL,
    created        DATETIME(3)  NOT NULL,
    last_updated   DATETIME(3)  NOT NULL,
    completed      DATETIME(3)  NULL,
    CONSTRAINT uq_async_job_uuid UNIQUE (uuid)
);
CREATE INDEX ix_async_job_account ON async_job (account_id, id);
CREATE INDEX ix_async_job_owner_status ON async_job (owner_node, status);
