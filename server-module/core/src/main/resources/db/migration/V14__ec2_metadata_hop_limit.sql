-- The IMDS hop limit an instance was given (RunInstances MetadataOptions,
-- ModifyInstanceMetadataOptions), shown by DescribeInstances; NULL: the default, 1. An empty
-- http_tokens now means "not set" (the global setting applies), for rows made for a hop limit alone.
ALTER TABLE ec2_instance_metadata_options ADD COLUMN hop_limit INT NULL;
