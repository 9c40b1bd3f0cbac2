package io.skyport.app.it;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyport.app.it.TenantIsolationIT.Answer;
import io.skyport.app.it.TenantIsolationIT.Expect;
import io.skyport.app.it.TenantIsolationIT.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The isolation matrix: B's calls on A's resources, one row per (API, resource type, operation). */
final class IsolationRows {
    private final IsolationFixture fx;
    private final NativeClient b;
    private final GceClient bGce;
    private final List<Row> rows = new ArrayList<>();

    private IsolationRows(IsolationFixture fx, NativeClient b, GceClient bGce) {
        this.fx = fx;
        this.b = b;
        this.bGce = bGce;
    }

    static List<Row> all(IsolationFixture fx, NativeClient b, GceClient bGce) {
        IsolationRows r = new IsolationRows(fx, b, bGce);
        r.nativeRows();
        r.ec2Rows();
        r.gceRows();
        return r.rows;
    }

    private void row(String api, String type, String op, Expect expect, Function<String, Answer> call) {
        rows.add(new Row(api, type, op, expect, call, null));
    }

    private void na(String api, String type, String op, String why) {
        rows.add(new Row(api, type, op, Expect.NA, null, why));
    }

    /** A native call as B with {@code {id}} replaced; an async call is judged by its job's result. */
    private Function<String, Answer> nat(String command, String... kv) {
        return id -> {
            String[] args = kv.clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = args[i].replace("{id}", id);
            }
            NativeClient.Reply r = b.call(command, args);
            if (r.status() == 200 && r.inner().has("jobid")) {
                JsonObject done = b.awaitJob(r.inner().get("jobid").getAsString());
                JsonObject result = done.getAsJsonObject("jobresult");
                if (done.get("jobstatus").getAsInt() == 2 && result != null && result.has("errorcode")) {
                    return new Answer(result.get("errorcode").getAsInt(), "job", result.get("errortext").getAsString());
                }
                return new Answer(200, "job", done.toString());
            }
            return new Answer(r.status(), null, r.body());
        };
    }

    private Function<String, Answer> ec2(String action, String... kv) {
        return id -> {
            String[] args = kv.clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = args[i].replace("{id}", id).replace("{image}", fx.publicImage);
            }
            Ec2Raw.Reply r = fx.ec2(b, action, args);
            return new Answer(r.status(), r.code(), r.body());
        };
    }

    private Function<String, Answer> gce(String verb, String path, String body) {
        return id -> {
            GceClient.Reply r = bGce.call(verb, path.replace("{zone}", fx.zoneName).replace("{region}", fx.regionName)
                    .replace("{id}", id), body == null ? null : body.replace("{id}", id).replace("{machineType}", fx.machineType));
            String reason = null;
            try {
                JsonElement e = JsonParser.parseString(r.body());
                if (e.isJsonObject() && e.getAsJsonObject().has("error") && e.getAsJsonObject().get("error")
                        .isJsonObject()) {
                    reason = e.getAsJsonObject().getAsJsonObject("error").getAsJsonArray("errors").get(0)
                            .getAsJsonObject().get("reason").getAsString();
                }
            } catch (RuntimeException ignored) {
                // not JSON: the comparison with the unknown id's answer reports it
            }
            return new Answer(r.status(), reason, r.body());
        };
    }

    private void nativeRows() {
        Expect nf = Expect.NOT_FOUND;
        Expect without = Expect.LISTED_WITHOUT;
        row("native", "vm", "listVirtualMachines id", nf, nat("listVirtualMachines", "id", "{id}"));
        row("native", "vm", "listVirtualMachines listall", without, nat("listVirtualMachines", "listall", "true"));
        row("native", "vm", "listVirtualMachines by tag", without, nat("listVirtualMachines", "tags[0].key", "role",
                "tags[0].value", "db"));
        row("native", "vm", "startVirtualMachine", nf, nat("startVirtualMachine", "id", "{id}"));
        row("native", "vm", "stopVirtualMachine", nf, nat("stopVirtualMachine", "id", "{id}"));
        row("native", "vm", "rebootVirtualMachine", nf, nat("rebootVirtualMachine", "id", "{id}"));
        row("native", "vm", "updateVirtualMachine", nf, nat("updateVirtualMachine", "id", "{id}", "displayname", "b"));
        row("native", "vm", "getVMConsoleOutput", nf, nat("getVMConsoleOutput", "virtualmachineid", "{id}"));
        row("native", "vm", "getVirtualMachineUserData", nf, nat("getVirtualMachineUserData", "virtualmachineid",
                "{id}"));
        row("native", "vm", "createTags", nf, nat("createTags", "resourcetype", "UserVm", "resourceids", "{id}",
                "tags[0].key", "b", "tags[0].value", "b"));
        row("native", "vm", "attachVolume (B's volume)", nf, nat("attachVolume", "id", fx.bVolume,
                "virtualmachineid", "{id}"));
        row("native", "vm", "recoverVirtualMachine", nf, nat("recoverVirtualMachine", "id", "{id}"));
        row("native", "vm", "destroyVirtualMachine", nf, nat("destroyVirtualMachine", "id", "{id}", "expunge",
                "true"));
        row("native", "volume", "listVolumes id", nf, nat("listVolumes", "id", "{id}"));
        row("native", "volume", "listVolumes listall", without, nat("listVolumes", "listall", "true"));
        row("native", "volume", "attachVolume (to B's VM)", nf, nat("attachVolume", "id", "{id}", "virtualmachineid",
                fx.bVm));
        row("native", "volume", "detachVolume", nf, nat("detachVolume", "id", "{id}"));
        row("native", "volume", "resizeVolume", nf, nat("resizeVolume", "id", "{id}", "size", "20"));
        row("native", "volume", "createTags", nf, nat("createTags", "resourcetype", "Volume", "resourceids", "{id}",
                "tags[0].key", "b", "tags[0].value", "b"));
        row("native", "volume", "deleteVolume", nf, nat("deleteVolume", "id", "{id}"));
        row("native", "securitygroup", "listSecurityGroups id", nf, nat("listSecurityGroups", "id", "{id}"));
        row("native", "securitygroup", "listSecurityGroups listall", without, nat("listSecurityGroups", "listall",
                "true"));
        row("native", "securitygroup", "authorizeSecurityGroupIngress", nf, nat("authorizeSecurityGroupIngress",
                "securitygroupid", "{id}", "protocol", "tcp", "startport", "80", "endport", "80", "cidrlist",
                "198.18.0.0/15"));
        row("native", "securitygroup", "authorizeSecurityGroupEgress", nf, nat("authorizeSecurityGroupEgress",
                "securitygroupid", "{id}", "protocol", "tcp", "startport", "80", "endport", "80", "cidrlist",
                "198.18.0.0/15"));
        row("native", "securitygroup", "createTags", nf, nat("createTags", "resourcetype", "SecurityGroup",
                "resourceids", "{id}", "tags[0].key", "b", "tags[0].value", "b"));
        row("native", "securitygroup", "deployVirtualMachine with it", nf, nat("deployVirtualMachine", "zoneid",
                fx.zone, "serviceofferingid", fx.offering, "templateid", fx.template, "securitygroupids", "{id}"));
        row("native", "securitygroup", "deleteSecurityGroup", nf, nat("deleteSecurityGroup", "id", "{id}"));
        row("native", "securityrule", "revokeSecurityGroupIngress", nf, nat("revokeSecurityGroupIngress", "id",
                "{id}"));
        row("native", "securityrule", "revokeSecurityGroupEgress", nf, nat("revokeSecurityGroupEgress", "id", "{id}"));
        row("native", "sshkeypair", "listSSHKeyPairs name", without, nat("listSSHKeyPairs", "name", "{id}"));
        row("native", "sshkeypair", "listSSHKeyPairs listall", without, nat("listSSHKeyPairs", "listall", "true"));
        row("native", "sshkeypair", "deleteSSHKeyPair", nf, nat("deleteSSHKeyPair", "name", "{id}"));
        row("native", "publicip", "listPublicIpAddresses id", nf, nat("listPublicIpAddresses", "id", "{id}"));
        row("native", "publicip", "listPublicIpAddresses listall", without, nat("listPublicIpAddresses", "listall",
                "true"));
        row("native", "publicip", "enableStaticNat (B's VM)", nf, nat("enableStaticNat", "ipaddressid", "{id}",
                "virtualmachineid", fx.bVm));
        row("native", "publicip", "disableStaticNat", nf, nat("disableStaticNat", "ipaddressid", "{id}"));
        row("native", "publicip", "createTags", nf, nat("createTags", "resourcetype", "PublicIpAddress",
                "resourceids", "{id}", "tags[0].key", "b", "tags[0].value", "b"));
        row("native", "publicip", "disassociateIpAddress", nf, nat("disassociateIpAddress", "id", "{id}"));
        row("native", "template", "listTemplates self id", nf, nat("listTemplates", "templatefilter", "self", "id",
                "{id}"));
        row("native", "template", "listTemplates executable", without, nat("listTemplates", "templatefilter",
                "executable"));
        row("native", "template", "createTags", nf, nat("createTags", "resourcetype", "Template", "resourceids",
                "{id}", "tags[0].key", "b", "tags[0].value", "b"));
        row("native", "template", "deployVirtualMachine with it", nf, nat("deployVirtualMachine", "zoneid", fx.zone,
                "serviceofferingid", fx.offering, "templateid", "{id}"));
        row("native", "sshkeypair", "deployVirtualMachine with it", nf, nat("deployVirtualMachine", "zoneid", fx.zone,
                "serviceofferingid", fx.offering, "templateid", fx.template, "keypair", "{id}"));
        row("native", "template", "deleteTemplate", nf, nat("deleteTemplate", "id", "{id}"));
        row("native", "tag", "listTags resourceid", without, nat("listTags", "resourceid", "{id}"));
        row("native", "tag", "listTags listall", without, nat("listTags", "listall", "true"));
        row("native", "tag", "deleteTags", nf, nat("deleteTags", "resourcetype", "UserVm", "resourceids", "{id}",
                "tags[0].key", "role"));
        // an account name is no way in, and does not tell whether the account exists
        row("native", "account", "listAccounts name", Expect.SAME_AS_UNKNOWN, nat("listAccounts", "name", "{id}"));
        row("native", "account", "listVirtualMachines account", Expect.SAME_AS_UNKNOWN, nat("listVirtualMachines",
                "account", "{id}", "domainid", fx.domainOfA()));
        row("native", "account", "listVolumes account", Expect.SAME_AS_UNKNOWN, nat("listVolumes", "account", "{id}",
                "domainid", fx.domainOfA()));
        row("native", "account", "listSecurityGroups account", Expect.SAME_AS_UNKNOWN, nat("listSecurityGroups",
                "account", "{id}", "domainid", fx.domainOfA()));
        row("native", "account", "deployVirtualMachine for account", Expect.SAME_AS_UNKNOWN, nat(
                "deployVirtualMachine", "zoneid", fx.zone, "serviceofferingid", fx.offering, "templateid", fx.template,
                "account", "{id}", "domainid", fx.domainOfA()));
        row("native", "job", "queryAsyncJobResult", nf, nat("queryAsyncJobResult", "jobid", "{id}"));
        row("native", "job", "listAsyncJobs listall", without, nat("listAsyncJobs", "listall", "true"));
        row("native", "job", "listEvents listall", without, nat("listEvents", "listall", "true"));
        na("native", "snapshot", "*", "the server has no snapshot API (no createSnapshot/listSnapshots)");
    }

    private void ec2Rows() {
        Expect nf = Expect.NOT_FOUND;
        Expect without = Expect.LISTED_WITHOUT;
        row("ec2", "instance", "DescribeInstances InstanceId", nf, ec2("DescribeInstances", "InstanceId.1", "{id}"));
        row("ec2", "instance", "DescribeInstances filter instance-id", without, ec2("DescribeInstances",
                "Filter.1.Name", "instance-id", "Filter.1.Value.1", "{id}"));
        row("ec2", "instance", "DescribeInstances all", without, ec2("DescribeInstances"));
        row("ec2", "instance", "DescribeInstanceStatus", nf, ec2("DescribeInstanceStatus", "InstanceId.1", "{id}"));
        row("ec2", "instance", "DescribeInstanceAttribute", nf, ec2("DescribeInstanceAttribute", "InstanceId", "{id}",
                "Attribute", "instanceType"));
        row("ec2", "instance", "StartInstances", nf, ec2("StartInstances", "InstanceId.1", "{id}"));
        row("ec2", "instance", "StopInstances", nf, ec2("StopInstances", "InstanceId.1", "{id}"));
        row("ec2", "instance", "RebootInstances", nf, ec2("RebootInstances", "InstanceId.1", "{id}"));
        row("ec2", "instance", "ModifyInstanceAttribute", nf, ec2("ModifyInstanceAttribute", "InstanceId", "{id}",
                "DisableApiTermination.Value", "true"));
        row("ec2", "instance", "GetConsoleOutput", nf, ec2("GetConsoleOutput", "InstanceId", "{id}"));
        row("ec2", "instance", "CreateTags", nf, ec2("CreateTags", "ResourceId.1", "{id}", "Tag.1.Key", "b",
                "Tag.1.Value", "b"));
        row("ec2", "instance", "AttachVolume (B's volume)", nf, ec2("AttachVolume", "VolumeId", fx.bEc2Volume,
                "InstanceId", "{id}", "Device", "/dev/sdf"));
        row("ec2", "instance", "TerminateInstances", nf, ec2("TerminateInstances", "InstanceId.1", "{id}"));
        row("ec2", "volume", "DescribeVolumes VolumeId", nf, ec2("DescribeVolumes", "VolumeId.1", "{id}"));
        row("ec2", "volume", "DescribeVolumes filter volume-id", without, ec2("DescribeVolumes", "Filter.1.Name",
                "volume-id", "Filter.1.Value.1", "{id}"));
        row("ec2", "volume", "DescribeVolumes all", without, ec2("DescribeVolumes"));
        row("ec2", "volume", "AttachVolume (to B's instance)", nf, ec2("AttachVolume", "VolumeId", "{id}",
                "InstanceId", fx.bEc2Instance, "Device", "/dev/sdg"));
        row("ec2", "volume", "DetachVolume", nf, ec2("DetachVolume", "VolumeId", "{id}"));
        row("ec2", "volume", "CreateTags", nf, ec2("CreateTags", "ResourceId.1", "{id}", "Tag.1.Key", "b",
                "Tag.1.Value", "b"));
        row("ec2", "volume", "DeleteVolume", nf, ec2("DeleteVolume", "VolumeId", "{id}"));
        row("ec2", "securitygroup", "DescribeSecurityGroups GroupId", nf, ec2("DescribeSecurityGroups", "GroupId.1",
                "{id}"));
        row("ec2", "securitygroup", "DescribeSecurityGroups filter group-id", without, ec2("DescribeSecurityGroups",
                "Filter.1.Name", "group-id", "Filter.1.Value.1", "{id}"));
        row("ec2", "securitygroup", "AuthorizeSecurityGroupIngress", nf, ec2("AuthorizeSecurityGroupIngress",
                "GroupId", "{id}", "IpProtocol", "tcp", "FromPort", "81", "ToPort", "81", "CidrIp", "198.18.0.0/15"));
        row("ec2", "securitygroup", "AuthorizeSecurityGroupEgress", nf, ec2("AuthorizeSecurityGroupEgress",
                "GroupId", "{id}", "IpPermissions.1.IpProtocol", "tcp", "IpPermissions.1.FromPort", "81",
                "IpPermissions.1.ToPort", "81", "IpPermissions.1.IpRanges.1.CidrIp", "198.18.0.0/15"));
        row("ec2", "securitygroup", "RevokeSecurityGroupIngress", nf, ec2("RevokeSecurityGroupIngress", "GroupId",
                "{id}", "IpProtocol", "tcp", "FromPort", "22", "ToPort", "22", "CidrIp", "198.18.0.0/15"));
        row("ec2", "securitygroup", "CreateTags", nf, ec2("CreateTags", "ResourceId.1", "{id}", "Tag.1.Key", "b",
                "Tag.1.Value", "b"));
        row("ec2", "securitygroup", "RunInstances with it", nf, ec2("RunInstances", "ImageId", "{image}",
                "InstanceType", "small-instance", "MinCount", "1", "MaxCount", "1", "SecurityGroupId.1", "{id}"));
        row("ec2", "securitygroup", "DeleteSecurityGroup", nf, ec2("DeleteSecurityGroup", "GroupId", "{id}"));
        row("ec2", "keypair", "DescribeKeyPairs KeyName", nf, ec2("DescribeKeyPairs", "KeyName.1", "{id}"));
        row("ec2", "keypair", "RunInstances with it", nf, ec2("RunInstances", "ImageId", "{image}", "InstanceType",
                "small-instance", "MinCount", "1", "MaxCount", "1", "KeyName", "{id}"));
        row("ec2", "keypair", "DescribeKeyPairs all", without, ec2("DescribeKeyPairs"));
        // AWS answers DeleteKeyPair with success for any name; A's key stays (the digest after the matrix)
        row("ec2", "keypair", "DeleteKeyPair", Expect.SAME_AS_UNKNOWN, ec2("DeleteKeyPair", "KeyName", "{id}"));
        row("ec2", "address", "DescribeAddresses AllocationId", nf, ec2("DescribeAddresses", "AllocationId.1",
                "{id}"));
        row("ec2", "address", "DescribeAddresses all", without, ec2("DescribeAddresses"));
        row("ec2", "address", "AssociateAddress (B's instance)", nf, ec2("AssociateAddress", "AllocationId", "{id}",
                "InstanceId", fx.bEc2Instance));
        row("ec2", "address", "ReleaseAddress", nf, ec2("ReleaseAddress", "AllocationId", "{id}"));
        row("ec2", "image", "DescribeImages ImageId", nf, ec2("DescribeImages", "ImageId.1", "{id}"));
        row("ec2", "image", "DescribeImages all", without, ec2("DescribeImages"));
        row("ec2", "image", "RunInstances with it", nf, ec2("RunInstances", "ImageId", "{id}", "InstanceType",
                "small-instance", "MinCount", "1", "MaxCount", "1"));
        row("ec2", "image", "DeregisterImage", nf, ec2("DeregisterImage", "ImageId", "{id}"));
        row("ec2", "tag", "DescribeTags filter resource-id", without, ec2("DescribeTags", "Filter.1.Name",
                "resource-id", "Filter.1.Value.1", "{id}"));
        row("ec2", "tag", "DeleteTags", nf, ec2("DeleteTags", "ResourceId.1", "{id}", "Tag.1.Key", "env"));
        na("ec2", "address", "DisassociateAddress", "takes an AssociationId, which B cannot learn; covered by "
                + "DescribeAddresses");
    }

    private void gceRows() {
        Expect nf = Expect.NOT_FOUND;
        Expect without = Expect.LISTED_WITHOUT;
        String inst = "zones/{zone}/instances/";
        row("gce", "instance", "instances.get", nf, gce("GET", inst + "{id}", null));
        row("gce", "instance", "instances.list filter name", without, gce("GET", "zones/{zone}/instances?filter=name"
                + "%20%3D%20%22{id}%22", null));
        row("gce", "instance", "instances.list", without, gce("GET", "zones/{zone}/instances", null));
        row("gce", "instance", "instances.aggregatedList", without, gce("GET", "aggregated/instances", null));
        row("gce", "instance", "instances.start", nf, gce("POST", inst + "{id}/start", null));
        row("gce", "instance", "instances.stop", nf, gce("POST", inst + "{id}/stop", null));
        row("gce", "instance", "instances.reset", nf, gce("POST", inst + "{id}/reset", null));
        row("gce", "instance", "instances.setLabels", nf, gce("POST", inst + "{id}/setLabels",
                "{\"labels\":{\"b\":\"b\"},\"labelFingerprint\":\"\"}"));
        row("gce", "instance", "instances.setMetadata", nf, gce("POST", inst + "{id}/setMetadata",
                "{\"items\":[{\"key\":\"b\",\"value\":\"b\"}]}"));
        row("gce", "instance", "instances.setTags", nf, gce("POST", inst + "{id}/setTags", "{\"items\":[\"b\"]}"));
        row("gce", "instance", "instances.attachDisk (B's disk)", nf, gce("POST", inst + "{id}/attachDisk",
                "{\"source\":\"zones/" + fx.zoneName + "/disks/" + fx.bGceDisk + "\"}"));
        row("gce", "instance", "instances.detachDisk", nf, gce("POST", inst + "{id}/detachDisk?deviceName=data-1",
                null));
        row("gce", "instance", "instances.getSerialPortOutput", nf, gce("GET", inst + "{id}/serialPort", null));
        row("gce", "instance", "instances.delete", nf, gce("DELETE", inst + "{id}", null));
        row("gce", "instance", "in A's project: instances.get", nf, inAProject("GET", inst + "{id}"));
        row("gce", "instance", "in A's project: instances.delete", nf, inAProject("DELETE", inst + "{id}"));
        row("gce", "disk", "disks.get", nf, gce("GET", "zones/{zone}/disks/{id}", null));
        row("gce", "disk", "disks.list filter name", without, gce("GET", "zones/{zone}/disks?filter=name%20%3D%20%22"
                + "{id}%22", null));
        row("gce", "disk", "disks.aggregatedList", without, gce("GET", "aggregated/disks", null));
        row("gce", "disk", "instances.attachDisk (to B's VM)", nf, gce("POST", inst + fx.bGceInstance + "/attachDisk",
                "{\"source\":\"zones/" + fx.zoneName + "/disks/{id}\"}"));
        row("gce", "disk", "disks.delete", nf, gce("DELETE", "zones/{zone}/disks/{id}", null));
        row("gce", "disk", "in A's project: disks.get", nf, inAProject("GET", "zones/{zone}/disks/{id}"));
        row("gce", "firewall", "firewalls.get", nf, gce("GET", "global/firewalls/{id}", null));
        row("gce", "firewall", "firewalls.list", without, gce("GET", "global/firewalls", null));
        row("gce", "firewall", "firewalls.patch", nf, gce("PATCH", "global/firewalls/{id}",
                "{\"sourceRanges\":[\"198.18.0.0/16\"]}"));
        row("gce", "firewall", "firewalls.update", nf, gce("PUT", "global/firewalls/{id}", "{\"name\":\"{id}\","
                + "\"allowed\":[{\"IPProtocol\":\"tcp\",\"ports\":[\"443\"]}]}"));
        row("gce", "firewall", "firewalls.delete", nf, gce("DELETE", "global/firewalls/{id}", null));
        row("gce", "firewall", "in A's project: firewalls.get", nf, inAProject("GET", "global/firewalls/{id}"));
        row("gce", "address", "addresses.get", nf, gce("GET", "regions/{region}/addresses/{id}", null));
        row("gce", "address", "addresses.list", without, gce("GET", "regions/{region}/addresses", null));
        row("gce", "address", "addresses.delete", nf, gce("DELETE", "regions/{region}/addresses/{id}", null));
        row("gce", "address", "in A's project: addresses.get", nf, inAProject("GET",
                "regions/{region}/addresses/{id}"));
        row("gce", "image", "images.get", nf, gce("GET", "global/images/{id}", null));
        row("gce", "image", "images.list", without, gce("GET", "global/images", null));
        row("gce", "image", "instances.insert from A's project's image", Expect.SAME_AS_UNKNOWN, gce("POST",
                "zones/{zone}/instances", IsolationFixture.instanceBody("b-from-a", "{machineType}",
                        "projects/" + fx.projectOfA() + "/global/images/{id}")));
        row("gce", "image", "in A's project: images.get", nf, inAProject("GET", "global/images/{id}"));
        row("gce", "zoneoperation", "zoneOperations.get", nf, gce("GET", "zones/{zone}/operations/{id}", null));
        row("gce", "zoneoperation", "zoneOperations.wait", nf, gce("POST", "zones/{zone}/operations/{id}/wait", null));
        row("gce", "zoneoperation", "zoneOperations.list", without, gce("GET", "zones/{zone}/operations", null));
        row("gce", "zoneoperation", "zoneOperations.delete", nf, gce("DELETE", "zones/{zone}/operations/{id}", null));
        row("gce", "globaloperation", "globalOperations.get", nf, gce("GET", "global/operations/{id}", null));
        row("gce", "globaloperation", "globalOperations.aggregatedList", without, gce("GET", "aggregated/operations",
                null));
        row("gce", "regionoperation", "regionOperations.get", nf, gce("GET", "regions/{region}/operations/{id}",
                null));
        // a project is an account: B's calls to A's project must not tell it from one that does not exist
        String project = "/compute/v1/projects/{id}/";
        row("gce", "project", "in A's project: instances.list", Expect.SAME_AS_UNKNOWN, gce("GET", project
                + "zones/{zone}/instances", null));
        row("gce", "project", "in A's project: projects.get", Expect.SAME_AS_UNKNOWN, gce("GET", "/compute/v1/projects/"
                + "{id}", null));
        row("gce", "project", "in A's project: images.list", Expect.SAME_AS_UNKNOWN, gce("GET", project
                + "global/images", null));
        row("gce", "project", "in A's project: images.get", Expect.SAME_AS_UNKNOWN, gce("GET", project
                + "global/images/a-ec2-img", null));
        row("gce", "project", "in A's project: firewalls.insert", Expect.SAME_AS_UNKNOWN, gce("POST", project
                + "global/firewalls", "{\"name\":\"b-fw\",\"allowed\":[{\"IPProtocol\":\"tcp\"}]}"));
        na("gce", "network", "*", "one shared default network per zone, not per project: nothing of A's to reach");
        na("gce", "image", "images.delete/insert", "not served (users register images through native/EC2; rows above)");
        na("gce", "keypair", "*", "GCE has no key-pair resource (keys are instance metadata: setMetadata row)");
    }

    /** B's call addressed to A's project: answered as for any project B cannot use, whatever the name. */
    private Function<String, Answer> inAProject(String verb, String path) {
        String base = "/compute/v1/projects/" + fx.projectOfA() + "/";
        return gce(verb, base + path, null);
    }
}
