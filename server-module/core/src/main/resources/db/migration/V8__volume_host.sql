-- The host holding a data volume's content, on hosts whose volumes are local storage (a Docker
-- named volume, an LXD custom volume): set when the volume is first mounted there and kept while
-- it is detached, so the volume is deleted on that host and attached only to VMs that run there.
-- NULL for volumes that never reached such a host.
ALTER TABLE volumes ADD COLUMN host_id BIGINT NULL;
