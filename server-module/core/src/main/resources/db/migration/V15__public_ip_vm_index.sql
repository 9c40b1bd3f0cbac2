-- The address static-NATed to a VM is looked up by the VM (every instance listing, and each
-- enable of static NAT): without this index each lookup scans every address of every range.
CREATE INDEX ix_public_ips_vm ON public_ips (vm_id);
