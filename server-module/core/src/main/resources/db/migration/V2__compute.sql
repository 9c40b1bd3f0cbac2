-- Compute core: infrastructure, offerings, templates, networks, VMs and what hangs off them.
-- Portable SQL: runs unchanged on H2 (MariaDB mode) and on MariaDB/MySQL.

CREATE TABLE zones (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid                    VARCHAR(40)   NOT NULL,
    name                    VARCHAR(255)  NOT NULL,
    description             VARCHAR(1024) NULL,
    network_type            VARCHAR(16)   NOT NULL,
    security_groups_enabled BOOLEAN       NOT NULL,
    allocation_state        VARCHAR(16)   NOT NULL,
    dns1                    VARCHAR(64)   NULL,
    dns2                    VARCHAR(64)   NULL,
    internal_dns1           VARCHAR(64)   NULL,
    internal_dns2           VARCHAR(64)   NULL,
    guest_cidr              VARCHAR(64)   NULL,
    network_domain          VARCHAR(255)  NULL,
    created                 DATETIME(3)   NOT NULL,
    removed                 DATETIME(3)   NULL,
    CONSTRAINT uq_zones_uuid UNIQUE (uuid)
);

CREATE TABLE pods (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid             VARCHAR(40)  NOT NULL,
    name             VARCHAR(255) NOT NULL,
    zone_id          BIGINT       NOT NULL,
    gateway          VARCHAR(64)  NULL,
    netmask          VARCHAR(64)  NULL,
    start_ip         VARCHAR(64)  NULL,
    end_ip           VARCHAR(64)  NULL,
    allocation_state VARCHAR(16)  NOT NULL,
    created          DATETIME(3)  NOT NULL,
    removed          DATETIME(3)  NULL,
    CONSTRAINT uq_pods_uuid UNIQUE (uuid),
    CONSTRAINT fk_pods_zone FOREIGN KEY (zone_id) REFERENCES zones (id)
);

CREATE TABLE clusters (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid             VARCHAR(40)  NOT NULL,
    name             VARCHAR(255) NOT NULL,
    zone_id          BIGINT       NOT NULL,
    pod_id           BIGINT       NOT NULL,
    hypervisor       VARCHAR(32)  NOT NULL,
    cluster_type     VARCHAR(32)  NOT NULL,
    allocation_state VARCHAR(16)  NOT NULL,
    created          DATETIME(3)  NOT NULL,
    removed          DATETIME(3)  NULL,
    CONSTRAINT uq_clusters_uuid UNIQUE (uuid),
    CONSTRAINT fk_clusters_pod FOREIGN KEY (pod_id) REFERENCES pods (id)
);

CREATE TABLE hosts (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid            VARCHAR(40)   NOT NULL,
    name            VARCHAR(255)  NOT NULL,
    zone_id         BIGINT        NOT NULL,
    pod_id          BIGINT        NOT NULL,
    cluster_id      BIGINT        NOT NULL,
    hypervisor      VARCHAR(32)   NOT NULL,
    url             VARCHAR(1024) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    resource_state  VARCHAR(16)   NOT NULL,
    cpus            INT           NOT NULL,
    cpu_speed       INT           NOT NULL,
    memory_bytes    BIGINT        NOT NULL,
    cpu_used        BIGINT        NOT NULL,
    memory_used     BIGINT        NOT NULL,
    details         TEXT          NULL,
    last_ping       DATETIME(3)   NULL,
    created         DATETIME(3)   NOT NULL,
    removed         DATETIME(3)   NULL,
    CONSTRAINT uq_hosts_uuid UNIQUE (uuid),
    CONSTRAINT fk_hosts_cluster FOREIGN KEY (cluster_id) REFERENCES clusters (id)
);
CREATE INDEX ix_hosts_zone ON hosts (zone_id, status);

CREATE TABLE service_offerings (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid          VARCHAR(40)   NOT NULL,
    name          VARCHAR(255)  NOT NULL,
    display_text  VARCHAR(1024) NOT NULL,
    cpus          INT           NOT NULL,
    cpu_speed     INT           NOT NULL,
    memory_mb     INT           NOT NULL,
    limit_cpu_use BOOLEAN       NOT NULL,
    storage_type  VARCHAR(16)   NOT NULL,
    domain_id     BIGINT        NULL,
    created       DATETIME(3)   NOT NULL,
    removed       DATETIME(3)   NULL,
    CONSTRAINT uq_service_offerings_uuid UNIQUE (uuid)
);

CREATE TABLE disk_offerings (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid          VARCHAR(40)   NOT NULL,
    name          VARCHAR(255)  NOT NULL,
    display_text  VARCHAR(1024) NOT NULL,
    disk_size_gb  BIGINT        NOT NULL,
    is_customized BOOLEAN       NOT NULL,
    storage_type  VARCHAR(16)   NOT NULL,
    domain_id     BIGINT        NULL,
    created       DATETIME(3)   NOT NULL,
    removed       DATETIME(3)   NULL,
    CONSTRAINT uq_disk_offerings_uuid UNIQUE (uuid)
);

CREATE TABLE os_types (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid        VARCHAR(40)  NOT NULL,
    description VARCHAR(255) NOT NULL,
    category    VARCHAR(64)  NOT NULL,
    CONSTRAINT uq_os_types_uuid UNIQUE (uuid)
);

CREATE TABLE templates (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid             VARCHAR(40)   NOT NULL,
    name             VARCHAR(255)  NOT NULL,
    display_text     VARCHAR(1024) NOT NULL,
    account_id       BIGINT        NOT NULL,
    zone_id          BIGINT        NULL,
    os_type_id       BIGINT        NOT NULL,
    format           VARCHAR(32)   NOT NULL,
    hypervisor       VARCHAR(32)   NOT NULL,
    url              VARCHAR(2048) NULL,
    image            VARCHAR(512)  NULL,
    is_public        BOOLEAN       NOT NULL,
    is_featured      BOOLEAN       NOT NULL,
    password_enabled BOOLEAN       NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    created          DATETIME(3)   NOT NULL,
    removed          DATETIME(3)   NULL,
    CONSTRAINT uq_templates_uuid UNIQUE (uuid)
);

CREATE TABLE networks (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid          VARCHAR(40)   NOT NULL,
    name          VARCHAR(255)  NOT NULL,
    display_text  VARCHAR(1024) NOT NULL,
    zone_id       BIGINT        NOT NULL,
    account_id    BIGINT        NULL,
    cidr          VARCHAR(64)   NOT NULL,
    gateway       VARCHAR(64)   NOT NULL,
    network_type  VARCHAR(16)   NOT NULL,
    traffic_type  VARCHAR(16)   NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    is_default    BOOLEAN       NOT NULL,
    last_ip       BIGINT        NULL,
    created       DATETIME(3)   NOT NULL,
    removed       DATETIME(3)   NULL,
    CONSTRAINT uq_networks_uuid UNIQUE (uuid)
);

CREATE TABLE vlan_ip_ranges (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid        VARCHAR(40) NOT NULL,
    zone_id     BIGINT      NOT NULL,
    vlan        VARCHAR(64) NOT NULL,
    gateway     VARCHAR(64) NOT NULL,
    netmask     VARCHAR(64) NOT NULL,
    start_ip    VARCHAR(64) NOT NULL,
    end_ip      VARCHAR(64) NOT NULL,
    created     DATETIME(3) NOT NULL,
    CONSTRAINT uq_vlan_ip_ranges_uuid UNIQUE (uuid)
);

CREATE TABLE public_ips (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid         VARCHAR(40) NOT NULL,
    zone_id      BIGINT      NOT NULL,
    range_id     BIGINT      NOT NULL,
    address      VARCHAR(64) NOT NULL,
    state        VARCHAR(16) NOT NULL,
    account_id   BIGINT      NULL,
    domain_id    BIGINT      NULL,
    vm_id        BIGINT      NULL,
    allocated    DATETIME(3) NULL,
    CONSTRAINT uq_public_ips_uuid UNIQUE (uuid),
    CONSTRAINT uq_public_ips_address UNIQUE (zone_id, address)
);
CREATE INDEX ix_public_ips_account ON public_ips (account_id, id);

CREATE TABLE vms (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid                VARCHAR(40)   NOT NULL,
    name                VARCHAR(255)  NOT NULL,
    display_name        VARCHAR(255)  NOT NULL,
    account_id          BIGINT        NOT NULL,
    domain_id           BIGINT        NOT NULL,
    zone_id             BIGINT        NOT NULL,
    host_id             BIGINT        NULL,
    last_host_id        BIGINT        NULL,
    service_offering_id BIGINT        NOT NULL,
    template_id         BIGINT        NOT NULL,
    hypervisor          VARCHAR(32)   NOT NULL,
    cpus                INT           NOT NULL,
    cpu_speed           INT           NOT NULL,
    memory_mb           INT           NOT NULL,
    state               VARCHAR(16)   NOT NULL,
    user_data           TEXT          NULL,
    keypairs            VARCHAR(1024) NULL,
    update_count        BIGINT        NOT NULL,
    created             DATETIME(3)   NOT NULL,
    updated             DATETIME(3)   NOT NULL,
    removed             DATETIME(3)   NULL,
    CONSTRAINT uq_vms_uuid UNIQUE (uuid)
);
CREATE INDEX ix_vms_account ON vms (account_id, removed, id);
CREATE INDEX ix_vms_domain ON vms (domain_id, removed, id);
CREATE INDEX ix_vms_state ON vms (state, id);
CREATE INDEX ix_vms_host ON vms (host_id);
CREATE INDEX ix_vms_name ON vms (name);

CREATE TABLE nics (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid         VARCHAR(40) NOT NULL,
    vm_id        BIGINT      NOT NULL,
    network_id   BIGINT      NOT NULL,
    ip_address   VARCHAR(64) NOT NULL,
    ip_num       BIGINT      NOT NULL,
    mac_address  VARCHAR(32) NOT NULL,
    device_id    INT         NOT NULL,
    is_default   BOOLEAN     NOT NULL,
    created      DATETIME(3) NOT NULL,
    CONSTRAINT uq_nics_uuid UNIQUE (uuid),
    CONSTRAINT uq_nics_address UNIQUE (network_id, ip_num)
);
CREATE INDEX ix_nics_vm ON nics (vm_id);

CREATE TABLE volumes (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid             VARCHAR(40)  NOT NULL,
    name             VARCHAR(255) NOT NULL,
    account_id       BIGINT       NOT NULL,
    domain_id        BIGINT       NOT NULL,
    zone_id          BIGINT       NOT NULL,
    vm_id            BIGINT       NULL,
    device_id        INT          NULL,
    disk_offering_id BIGINT       NULL,
    volume_type      VARCHAR(16)  NOT NULL,
    size_bytes       BIGINT       NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    created          DATETIME(3)  NOT NULL,
    removed          DATETIME(3)  NULL,
    CONSTRAINT uq_volumes_uuid UNIQUE (uuid)
);
CREATE INDEX ix_volumes_account ON volumes (account_id, removed, id);
CREATE INDEX ix_volumes_vm ON volumes (vm_id);

CREATE TABLE security_groups (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid        VARCHAR(40)   NOT NULL,
    name        VARCHAR(255)  NOT NULL,
    description VARCHAR(1024) NULL,
    account_id  BIGINT        NOT NULL,
    domain_id   BIGINT        NOT NULL,
    created     DATETIME(3)   NOT NULL,
    CONSTRAINT uq_security_groups_uuid UNIQUE (uuid),
    CONSTRAINT uq_security_groups_name UNIQUE (account_id, name)
);

CREATE TABLE security_group_rules (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid            VARCHAR(40) NOT NULL,
    group_id        BIGINT      NOT NULL,
    direction       VARCHAR(8)  NOT NULL,
    protocol        VARCHAR(16) NOT NULL,
    start_port      INT         NULL,
    end_port        INT         NULL,
    icmp_type       INT         NULL,
    icmp_code       INT         NULL,
    cidr            VARCHAR(64) NULL,
    source_group_id BIGINT      NULL,
    created         DATETIME(3) NOT NULL,
    CONSTRAINT uq_security_group_rules_uuid UNIQUE (uuid),
    CONSTRAINT fk_sg_rules_group FOREIGN KEY (group_id) REFERENCES security_groups (id)
);
CREATE INDEX ix_sg_rules_group ON security_group_rules (group_id);

CREATE TABLE vm_security_groups (
    vm_id    BIGINT NOT NULL,
    group_id BIGINT NOT NULL,
    PRIMARY KEY (vm_id, group_id)
);
CREATE INDEX ix_vm_security_groups_group ON vm_security_groups (group_id);

CREATE TABLE ssh_keypairs (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid        VARCHAR(40)  NOT NULL,
    name        VARCHAR(255) NOT NULL,
    account_id  BIGINT       NOT NULL,
    domain_id   BIGINT       NOT NULL,
    public_key  TEXT         NOT NULL,
    fingerprint VARCHAR(128) NOT NULL,
    created     DATETIME(3)  NOT NULL,
    CONSTRAINT uq_ssh_keypairs_uuid UNIQUE (uuid),
    CONSTRAINT uq_ssh_keypairs_name UNIQUE (account_id, name)
);

CREATE TABLE resource_tags (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid          VARCHAR(40)  NOT NULL,
    resource_type VARCHAR(64)  NOT NULL,
    resource_id   BIGINT       NOT NULL,
    resource_uuid VARCHAR(40)  NOT NULL,
    tag_key       VARCHAR(255) NOT NULL,
    tag_value     VARCHAR(255) NOT NULL,
    account_id    BIGINT       NOT NULL,
    domain_id     BIGINT       NOT NULL,
    created       DATETIME(3)  NOT NULL,
    CONSTRAINT uq_resource_tags_uuid UNIQUE (uuid),
    CONSTRAINT uq_resource_tags_key UNIQUE (resource_type, resource_id, tag_key)
);
CREATE INDEX ix_resource_tags_lookup ON resource_tags (resource_type, tag_key, tag_value);

-- Stable external ids per API (EC2 i-…, sg-…; GCE numeric ids): stored, never recomputed.
CREATE TABLE external_ids (
    api           VARCHAR(8)   NOT NULL,
    external_id   VARCHAR(64)  NOT NULL,
    resource_type VARCHAR(64)  NOT NULL,
    resource_id   BIGINT       NOT NULL,
    PRIMARY KEY (api, external_id),
    CONSTRAINT uq_external_ids_resource UNIQUE (api, resource_type, resource_id)
);

-- Per-account usage counters, updated in the same transaction as the rows they count, so limit
-- checks and list totals never scan the resource tables.
CREATE TABLE resource_counts (
    account_id    BIGINT      NOT NULL,
    resource_type VARCHAR(32) NOT NULL,
    amount        BIGINT      NOT NULL,
    PRIMARY KEY (account_id, resource_type)
);

CREATE TABLE resource_limits (
    account_id    BIGINT      NOT NULL,
    resource_type VARCHAR(32) NOT NULL,
    max_amount    BIGINT      NOT NULL,
    PRIMARY KEY (account_id, resource_type)
);

-- The simulator's notion of which instances run where: it survives a management server restart
-- like a real hypervisor's state would.
CREATE TABLE simulator_instances (
    vm_uuid     VARCHAR(40) NOT NULL PRIMARY KEY,
    host_uuid   VARCHAR(40) NOT NULL,
    power_state VARCHAR(16) NOT NULL,
    updated     DATETIME(3) NOT NULL
);
CREATE INDEX ix_simulator_instances_host ON simulator_instances (host_uuid);
