-- An expunge now removes its instance's EC2 metadata options, GCE metadata and GCE description
-- (in the transaction that removes the VM's rows); these are the rows earlier expunges left behind.
DELETE FROM ec2_instance_metadata_options WHERE vm_uuid IN (SELECT uuid FROM vms WHERE removed IS NOT NULL);
DELETE FROM gce_instance_metadata WHERE vm_uuid IN (SELECT uuid FROM vms WHERE removed IS NOT NULL);
DELETE FROM gce_descriptions WHERE uuid IN (SELECT uuid FROM vms WHERE removed IS NOT NULL);
