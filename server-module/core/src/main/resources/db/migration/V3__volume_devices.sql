-- One volume per device slot of a VM: two concurrent attaches to the same VM that picked the same
-- free device cannot both succeed. Detached and removed volumes have vm_id NULL, which the unique
-- index ignores on H2 and MariaDB alike.
CREATE UNIQUE INDEX uq_volumes_vm_device ON volumes (vm_id, device_id);
