-- Per-instance IMDS options of the EC2 API (RunInstances MetadataOptions,
-- ModifyInstanceMetadataOptions). An instance without a row follows the global setting
-- ec2.metadata.http.tokens. VM uuids are never reused, so a row left by an expunged instance
-- applies to nothing.
CREATE TABLE ec2_instance_metadata_options (
    vm_uuid     VARCHAR(40) NOT NULL,
    http_tokens VARCHAR(16) NOT NULL,
    CONSTRAINT pk_ec2_instance_metadata_options PRIMARY KEY (vm_uuid)
);
