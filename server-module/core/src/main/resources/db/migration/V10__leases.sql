-- Multi-node leases. A pending job belongs to the node in owner_node until lease_until; the owner's
-- heartbeat pushes lease_until forward, so a job whose lease ran out lost its owner and another
-- live node may claim it (one conditional UPDATE, so only one node does).
ALTER TABLE async_job ADD COLUMN lease_until DATETIME(3) NULL;
CREATE INDEX ix_async_job_status_lease ON async_job (status, lease_until);

-- One node at a time monitors and reconciles a host: mgmt_node holds it until mgmt_lease_until,
-- renewed by that node's heartbeat; an expired lease lets another node take the host over.
ALTER TABLE hosts ADD COLUMN mgmt_node BIGINT NULL;
ALTER TABLE hosts ADD COLUMN mgmt_lease_until DATETIME(3) NULL;
