-- A VM placed on a host that gives it no guest network (a container engine without a network)
-- keeps its NIC row but no address: the APIs then report none instead of an invented one.
-- NULLs are distinct in the (network_id, ip_num) unique constraint on both H2 and MariaDB.
ALTER TABLE nics MODIFY COLUMN ip_address VARCHAR(64) NULL;
ALTER TABLE nics MODIFY COLUMN ip_num BIGINT NULL;
