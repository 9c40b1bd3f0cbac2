"""Drives Skyport's EC2 API with stock boto3, configured only by endpoint, keys and region.

Environment:
  SKYPORT_EC2_ENDPOINT          the EC2 endpoint, e.g. http://127.0.0.1:8080/ec2 (required)
  SKYPORT_EC2_REGION            region name (default skyport-1)
  SKYPORT_EC2_ZONE              availability zone expected (default Sandbox-simulator)
  AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY   the user's API key and secret key (required)
  SKYPORT_EC2_OTHER_ACCESS_KEY, SKYPORT_EC2_OTHER_SECRET_KEY
                                another account's keys: its view of this scenario's instances is
                                checked (optional)
  SKYPORT_EC2_CHECKPOINTS       a directory: at each checkpoint the scenario writes NAME.json there
                                and waits for NAME.ack, so a test can look at the server meanwhile
                                (optional)

Every raw response body is checked against botocore's EC2 service model
(botocore_shape_check.py beside this file). Progress goes to stderr; the last line on stdout is
a JSON summary. Exits non-zero on the first failure, naming the step.
"""
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import boto3  # noqa: E402
import botocore  # noqa: E402
from botocore.exceptions import ClientError, WaiterError  # noqa: E402

import botocore_shape_check  # noqa: E402

# The server's instance types are its service offerings (e.g. "Small Instance"), so the
# InstanceType enum of the model is open here, as botocore itself treats it.
OPEN_ENUMS = ("InstanceType",)
WAIT = {"Delay": 1, "MaxAttempts": 180}


class ScenarioFailure(Exception):
    pass


class Scenario:
    def __init__(self):
        self.summary = {"client": "boto3", "boto3": boto3.__version__, "botocore": botocore.__version__,
                        "python": sys.executable, "ok": False, "steps": []}
        self.responses = []
        self.current = None

    def step(self, name):
        self.current = name
        self.summary["steps"].append(name)
        print("step: " + name, file=sys.stderr, flush=True)

    def require(self, condition, message, *detail):
        if not condition:
            raise ScenarioFailure("%s%s" % (message, "" if not detail else ": " + json.dumps(detail, default=str)))

    def record(self, event_name=None, response_dict=None, **_):
        if response_dict is None:
            return
        operation = event_name.rsplit(".", 1)[-1]
        self.responses.append((operation, response_dict.get("status_code"), response_dict.get("body") or b""))

    def expect_error(self, code, call, *args, **kwargs):
        try:
            call(*args, **kwargs)
        except ClientError as e:
            got = e.response.get("Error", {}).get("Code")
            self.require(got == code, "expected error %s, got %s" % (code, got), e.response.get("Error"))
            return got
        raise ScenarioFailure("expected error %s, but the call succeeded" % code)


def checkpoint(name, data):
    folder = os.environ.get("SKYPORT_EC2_CHECKPOINTS")
    if not folder:
        return
    tmp = os.path.join(folder, name + ".json.tmp")
    with open(tmp, "w") as f:
        json.dump(data, f)
    os.rename(tmp, os.path.join(folder, name + ".json"))
    ack = os.path.join(folder, name + ".ack")
    deadline = time.time() + 120
    while not os.path.exists(ack):
        if time.time() > deadline:
            raise ScenarioFailure("checkpoint %s was not acknowledged" % name)
        time.sleep(0.1)


def new_public_key(folder):
    """A fresh RSA public key from ssh-keygen, with its MD5 fingerprint as EC2 shows imported keys."""
    path = os.path.join(folder, "id_rsa")
    subprocess.run(["ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-C", "skyport-ec2-scenario",
                    "-f", path], check=True, stdout=subprocess.DEVNULL)
    with open(path + ".pub") as f:
        public = f.read().strip()
    digest = hashlib.md5(base64.b64decode(public.split()[1])).hexdigest()
    return public, ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))


def states(ec2, ids):
    out = {}
    for r in ec2.describe_instances(InstanceIds=ids)["Reservations"]:
        for i in r["Instances"]:
            out[i["InstanceId"]] = i["State"]["Name"]
    return out


def instances_of(reservations):
    return [i for r in reservations for i in r["Instances"]]


def main(s):
    endpoint = os.environ["SKYPORT_EC2_ENDPOINT"]
    region = os.environ.get("SKYPORT_EC2_REGION", "skyport-1")
    zone = os.environ.get("SKYPORT_EC2_ZONE", "Sandbox-simulator")
    ec2 = boto3.client("ec2", endpoint_url=endpoint, region_name=region,
                       aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
                       aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])
    ec2.meta.events.register("response-received.ec2.*", s.record)
    suffix = "%x%04x" % (int(time.time()), os.getpid() % 0x10000)
    summary = s.summary
    cleanup = {"instances": [], "key": None, "group": None, "volume": None, "allocation": None}
    summary["cleanup"] = cleanup

    try:
        s.step("describe_regions")
        regions = [r["RegionName"] for r in ec2.describe_regions()["Regions"]]
        s.require(region in regions, "region %s not listed" % region, regions)
        summary["regions"] = regions

        s.step("presigned_url")
        # botocore signs for the operation's own method (POST) unless told otherwise
        for method in ("POST", "GET"):
            url = ec2.generate_presigned_url("describe_regions", Params={"RegionNames": [region]}, ExpiresIn=300,
                                             HttpMethod=method)
            s.require("X-Amz-Signature=" in url, "a SigV4 query-signed URL", url)
            try:
                with urllib.request.urlopen(urllib.request.Request(
                        url, data=b"" if method == "POST" else None, method=method), timeout=30) as answer:
                    status, body = answer.status, answer.read()
            except urllib.error.HTTPError as e:
                status, body = e.code, e.read()
            s.responses.append(("DescribeRegions", status, body))
            s.require(status == 200 and b"<regionName>%s</regionName>" % region.encode() in body,
                      "presigned DescribeRegions over %s: HTTP %s" % (method, status), body[:500].decode())

        s.step("describe_availability_zones")
        zones = ec2.describe_availability_zones()["AvailabilityZones"]
        summary["zones"] = [z["ZoneName"] for z in zones]
        s.require(zone in summary["zones"], "zone %s not listed" % zone, summary["zones"])
        s.require(all(z.get("RegionName") == region and z.get("State") == "available" for z in zones),
                  "zones must be available in the region", zones)

        s.step("describe_account_attributes")
        attributes = {a["AttributeName"]: [v["AttributeValue"] for v in a.get("AttributeValues", [])]
                      for a in ec2.describe_account_attributes()["AccountAttributes"]}
        summary["account_attributes"] = attributes

        s.step("describe_images")
        images = ec2.describe_images()["Images"]
        s.require(images, "no image listed")
        s.require(all(i["ImageId"].startswith("ami-") and len(i["ImageId"]) == 21 for i in images),
                  "image ids must be ami-<17 hex>", [i["ImageId"] for i in images])
        image = images[0]
        summary["image"] = {"id": image["ImageId"], "name": image.get("Name"), "state": image.get("State")}
        s.require(image.get("State") == "available", "image not available", image)
        by_id = ec2.describe_images(ImageIds=[image["ImageId"]])["Images"]
        s.require([i["ImageId"] for i in by_id] == [image["ImageId"]], "DescribeImages by id", by_id)

        s.step("describe_instance_types")
        types = [t["InstanceType"] for t in ec2.describe_instance_types()["InstanceTypes"]]
        summary["instance_types"] = types
        s.require(types, "no instance type listed")
        instance_type = next((t for t in types if "small" in t.lower()), types[0])
        other_type = next((t for t in types if "medium" in t.lower()), types[-1])
        one = ec2.describe_instance_types(InstanceTypes=[instance_type])["InstanceTypes"]
        s.require([t["InstanceType"] for t in one] == [instance_type], "DescribeInstanceTypes by name", one)
        summary["instance_type"] = instance_type

        s.step("import_key_pair")
        key_name = "b3-key-" + suffix
        with tempfile.TemporaryDirectory() as folder:
            public, fingerprint = new_public_key(folder)
        imported = ec2.import_key_pair(KeyName=key_name, PublicKeyMaterial=public.encode())
        cleanup["key"] = key_name
        s.require(imported["KeyName"] == key_name, "ImportKeyPair name", imported)
        s.require(imported["KeyFingerprint"] == fingerprint, "ImportKeyPair fingerprint is the key's MD5",
                  imported["KeyFingerprint"], fingerprint)
        listed = ec2.describe_key_pairs(KeyNames=[key_name])["KeyPairs"]
        s.require([k["KeyName"] for k in listed] == [key_name], "DescribeKeyPairs", listed)
        summary["key"] = {"name": key_name, "fingerprint": fingerprint}

        s.step("create_security_group")
        group_name = "b3-sg-" + suffix
        group_id = ec2.create_security_group(GroupName=group_name, Description="boto3 scenario")["GroupId"]
        cleanup["group"] = group_id
        s.require(group_id.startswith("sg-"), "security group id", group_id)
        ec2.authorize_security_group_ingress(GroupId=group_id, IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
            {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8090, "UserIdGroupPairs": [{"GroupId": group_id}]},
        ])
        group = ec2.describe_security_groups(GroupIds=[group_id])["SecurityGroups"]
        s.require(len(group) == 1 and group[0]["GroupName"] == group_name, "DescribeSecurityGroups", group)
        rules = group[0]["IpPermissions"]
        cidr = [p for p in rules if p.get("FromPort") == 22 and p.get("ToPort") == 22
                and any(r.get("CidrIp") == "0.0.0.0/0" for r in p.get("IpRanges", []))]
        pair = [p for p in rules if p.get("FromPort") == 8080 and p.get("ToPort") == 8090
                and any(g.get("GroupId") == group_id for g in p.get("UserIdGroupPairs", []))]
        s.require(cidr and pair, "both ingress rules listed", rules)
        by_name = ec2.describe_security_groups(Filters=[{"Name": "group-name", "Values": [group_name]}])
        s.require([g["GroupId"] for g in by_name["SecurityGroups"]] == [group_id], "group-name filter", by_name)
        summary["group"] = {"id": group_id, "name": group_name, "ingress": len(rules)}

        s.step("dry_run")
        before = {i["InstanceId"] for i in instances_of(ec2.describe_instances()["Reservations"])}
        summary["dry_run"] = s.expect_error("DryRunOperation", ec2.run_instances, DryRun=True,
                                            ImageId=image["ImageId"], InstanceType=instance_type, MinCount=1,
                                            MaxCount=1)
        after = {i["InstanceId"] for i in instances_of(ec2.describe_instances()["Reservations"])}
        s.require(after == before, "a dry run starts nothing", sorted(after - before))

        s.step("run_instances")
        name = "b3-vm-" + suffix
        user_data = "#cloud-config\nhostname: b3\n"
        reservation = ec2.run_instances(
            ImageId=image["ImageId"], InstanceType=instance_type, MinCount=2, MaxCount=2, KeyName=key_name,
            SecurityGroupIds=[group_id], UserData=user_data,
            TagSpecifications=[{"ResourceType": "instance",
                                "Tags": [{"Key": "Name", "Value": name}, {"Key": "Scenario", "Value": suffix}]}])
        ids = [i["InstanceId"] for i in reservation["Instances"]]
        cleanup["instances"] += ids
        s.require(len(ids) == 2 and len(set(ids)) == 2, "RunInstances must start 2 instances", ids)
        s.require(all(i.startswith("i-") for i in ids), "instance ids", ids)
        s.require(reservation["ReservationId"].startswith("r-"), "reservation id", reservation["ReservationId"])
        launch_states = [i["State"]["Name"] for i in reservation["Instances"]]
        s.require(all(st in ("pending", "running") for st in launch_states), "launch states", launch_states)
        summary["instances"] = ids
        summary["name"] = name
        summary["launch_states"] = launch_states

        s.step("wait_instance_running")
        ec2.get_waiter("instance_running").wait(InstanceIds=ids, WaiterConfig=WAIT)
        described = instances_of(ec2.describe_instances(InstanceIds=ids)["Reservations"])
        s.require(sorted(i["InstanceId"] for i in described) == sorted(ids), "DescribeInstances by id", described)
        for i in described:
            s.require(i["State"] == {"Code": 16, "Name": "running"}, "running state", i["State"])
            s.require(i["InstanceType"] == instance_type and i["ImageId"] == image["ImageId"], "type and image", i)
            s.require(i.get("KeyName") == key_name, "key name", i.get("KeyName"))
            s.require(group_id in [g["GroupId"] for g in i.get("SecurityGroups", [])], "security group",
                      i.get("SecurityGroups"))
            s.require(i["Placement"]["AvailabilityZone"] == zone, "placement", i["Placement"])
            s.require(i.get("PrivateIpAddress"), "private address", i)
            tags = {t["Key"]: t["Value"] for t in i.get("Tags", [])}
            s.require(tags.get("Name") == name and tags.get("Scenario") == suffix, "tags", tags)
        summary["private_ips"] = sorted(i["PrivateIpAddress"] for i in described)
        checkpoint("running", {"instances": ids, "name": name, "private_ips": summary["private_ips"]})

        s.step("describe_instance_status")
        statuses = ec2.describe_instance_status(InstanceIds=ids)["InstanceStatuses"]
        s.require(sorted(st["InstanceId"] for st in statuses) == sorted(ids), "DescribeInstanceStatus", statuses)
        s.require(all(st["InstanceState"]["Name"] == "running" and st["AvailabilityZone"] == zone
                      for st in statuses), "instance status", statuses)

        s.step("describe_instance_attribute")
        attribute = ec2.describe_instance_attribute(InstanceId=ids[0], Attribute="userData")
        got = base64.b64decode(attribute["UserData"]["Value"]).decode()
        s.require(got == user_data, "user data round trip", got)
        attribute = ec2.describe_instance_attribute(InstanceId=ids[0], Attribute="instanceType")
        s.require(attribute["InstanceType"]["Value"] == instance_type, "instanceType attribute", attribute)

        s.step("filters")
        running_by_name = instances_of(ec2.describe_instances(Filters=[
            {"Name": "tag:Name", "Values": [name]},
            {"Name": "instance-state-name", "Values": ["running"]}])["Reservations"])
        s.require(sorted(i["InstanceId"] for i in running_by_name) == sorted(ids), "tag:Name + state filter",
                  [i["InstanceId"] for i in running_by_name])
        s.require(not instances_of(ec2.describe_instances(Filters=[
            {"Name": "tag:Name", "Values": [name]},
            {"Name": "instance-state-name", "Values": ["stopped"]}])["Reservations"]), "no stopped instance yet")
        by_tag = instances_of(ec2.describe_instances(Filters=[{"Name": "tag:Scenario", "Values": [suffix]}])
                              ["Reservations"])
        s.require(sorted(i["InstanceId"] for i in by_tag) == sorted(ids), "tag:Scenario filter", by_tag)
        s.require(not instances_of(ec2.describe_instances(Filters=[
            {"Name": "tag:Name", "Values": ["no-such-" + suffix]}])["Reservations"]), "unknown tag value")

        s.step("paging")
        batch = ec2.run_instances(ImageId=image["ImageId"], InstanceType=instance_type, MinCount=4, MaxCount=4,
                                  SecurityGroupIds=[group_id],
                                  TagSpecifications=[{"ResourceType": "instance",
                                                      "Tags": [{"Key": "Name", "Value": "b3-page-" + suffix}]}])
        batch_ids = [i["InstanceId"] for i in batch["Instances"]]
        cleanup["instances"] += batch_ids
        s.require(len(batch_ids) == 4, "RunInstances with count 4", batch_ids)
        ec2.get_waiter("instance_running").wait(InstanceIds=batch_ids, WaiterConfig=WAIT)
        pages = []
        for page in ec2.get_paginator("describe_instances").paginate(PaginationConfig={"PageSize": 5}):
            pages.append([i["InstanceId"] for i in instances_of(page["Reservations"])])
        seen = [i for p in pages for i in p]
        summary["pages"] = [len(p) for p in pages]
        s.require(len(seen) == len(set(seen)), "an instance listed on two pages", pages)
        s.require(set(ids + batch_ids) <= set(seen), "paging lost instances", pages)
        s.require(len(pages) >= 2 and all(len(p) <= 5 for p in pages), "MaxResults=5 pages", summary["pages"])
        by_hand, token = [], None
        for _ in range(100):
            page = ec2.describe_instances(MaxResults=5, **({"NextToken": token} if token else {}))
            by_hand.append([i["InstanceId"] for i in instances_of(page["Reservations"])])
            token = page.get("NextToken")
            if not token:
                break
        s.require(sorted(i for p in by_hand for i in p) == sorted(seen), "MaxResults/NextToken by hand", by_hand)
        summary["batch"] = batch_ids

        s.step("errors")
        summary["not_found"] = s.expect_error("InvalidInstanceID.NotFound", ec2.describe_instances,
                                              InstanceIds=["i-0123456789abcdef0"])
        summary["bad_filter"] = s.expect_error("InvalidParameterValue", ec2.describe_instances,
                                               Filters=[{"Name": "no-such-filter", "Values": ["x"]}])
        other_key = os.environ.get("SKYPORT_EC2_OTHER_ACCESS_KEY")
        if other_key:
            other = boto3.client("ec2", endpoint_url=endpoint, region_name=region, aws_access_key_id=other_key,
                                 aws_secret_access_key=os.environ["SKYPORT_EC2_OTHER_SECRET_KEY"])
            other.meta.events.register("response-received.ec2.*", s.record)
            summary["other_tenant"] = {
                "describe": s.expect_error("InvalidInstanceID.NotFound", other.describe_instances,
                                           InstanceIds=[ids[0]]),
                "terminate": s.expect_error("InvalidInstanceID.NotFound", other.terminate_instances,
                                            InstanceIds=[ids[0]]),
                "listed": [i["InstanceId"] for i in instances_of(other.describe_instances()["Reservations"])
                           if i["InstanceId"] in ids + batch_ids],
            }
            s.require(not summary["other_tenant"]["listed"], "another account sees the instances",
                      summary["other_tenant"])
            s.require(states(ec2, [ids[0]]) == {ids[0]: "running"}, "another account's terminate had an effect")

        s.step("stop")
        stopping = ec2.stop_instances(InstanceIds=ids)["StoppingInstances"]
        s.require(sorted(i["InstanceId"] for i in stopping) == sorted(ids), "StopInstances", stopping)
        s.require(all(i["PreviousState"]["Name"] == "running" for i in stopping), "previous state", stopping)
        ec2.get_waiter("instance_stopped").wait(InstanceIds=ids, WaiterConfig=WAIT)
        stopped = instances_of(ec2.describe_instances(Filters=[
            {"Name": "tag:Name", "Values": [name]},
            {"Name": "instance-state-name", "Values": ["stopped"]}])["Reservations"])
        s.require(sorted(i["InstanceId"] for i in stopped) == sorted(ids), "stopped filter", stopped)
        checkpoint("stopped", {"instances": ids, "name": name})

        s.step("modify_instance_attribute")
        ec2.modify_instance_attribute(InstanceId=ids[0], InstanceType={"Value": other_type})
        attribute = ec2.describe_instance_attribute(InstanceId=ids[0], Attribute="instanceType")
        s.require(attribute["InstanceType"]["Value"] == other_type, "ModifyInstanceAttribute instanceType",
                  attribute)

        s.step("start")
        starting = ec2.start_instances(InstanceIds=ids)["StartingInstances"]
        s.require(all(i["PreviousState"]["Name"] == "stopped" for i in starting), "StartInstances", starting)
        ec2.get_waiter("instance_running").wait(InstanceIds=ids, WaiterConfig=WAIT)
        s.require(set(states(ec2, ids).values()) == {"running"}, "running again")

        s.step("get_console_output")
        console = ec2.get_console_output(InstanceId=ids[0])
        s.require(console["InstanceId"] == ids[0], "GetConsoleOutput", console)
        summary["console_output"] = len(console.get("Output") or "")

        s.step("reboot")
        ec2.reboot_instances(InstanceIds=[ids[1]])
        ec2.get_waiter("instance_running").wait(InstanceIds=[ids[1]], WaiterConfig=WAIT)

        s.step("tags")
        ec2.create_tags(Resources=[ids[0]], Tags=[{"Key": "Stage", "Value": "test"}])
        tags = ec2.describe_tags(Filters=[{"Name": "resource-id", "Values": [ids[0]]}])["Tags"]
        s.require({(t["Key"], t["Value"]) for t in tags} >= {("Name", name), ("Scenario", suffix), ("Stage", "test")},
                  "DescribeTags", tags)
        s.require(all(t["ResourceType"] == "instance" for t in tags), "tag resource type", tags)
        ec2.delete_tags(Resources=[ids[0]], Tags=[{"Key": "Stage"}])
        tags = ec2.describe_tags(Filters=[{"Name": "resource-id", "Values": [ids[0]]}])["Tags"]
        s.require("Stage" not in [t["Key"] for t in tags], "DeleteTags", tags)

        s.step("volume")
        volume = ec2.create_volume(AvailabilityZone=zone, Size=5)
        volume_id = volume["VolumeId"]
        cleanup["volume"] = volume_id
        s.require(volume_id.startswith("vol-") and volume["Size"] == 5, "CreateVolume", volume)
        ec2.get_waiter("volume_available").wait(VolumeIds=[volume_id], WaiterConfig=WAIT)
        attachment = ec2.attach_volume(VolumeId=volume_id, InstanceId=ids[0], Device="/dev/sdf")
        s.require(attachment["InstanceId"] == ids[0] and attachment["VolumeId"] == volume_id, "AttachVolume",
                  attachment)
        ec2.get_waiter("volume_in_use").wait(VolumeIds=[volume_id], WaiterConfig=WAIT)
        attached = ec2.describe_volumes(VolumeIds=[volume_id])["Volumes"][0]
        s.require([a["InstanceId"] for a in attached["Attachments"]] == [ids[0]], "DescribeVolumes attachment",
                  attached)
        ec2.detach_volume(VolumeId=volume_id)
        ec2.get_waiter("volume_available").wait(VolumeIds=[volume_id], WaiterConfig=WAIT)
        ec2.delete_volume(VolumeId=volume_id)
        cleanup["volume"] = None
        ec2.get_waiter("volume_deleted").wait(VolumeIds=[volume_id], WaiterConfig=WAIT)
        summary["volume"] = volume_id

        s.step("address")
        address = ec2.allocate_address(Domain="vpc")
        public_ip = address["PublicIp"]
        allocation = address.get("AllocationId")
        cleanup["allocation"] = allocation or public_ip
        by_ip = {"AllocationId": allocation} if allocation else {"PublicIp": public_ip}
        association = ec2.associate_address(InstanceId=ids[0], **by_ip).get("AssociationId")
        listed = ec2.describe_addresses(PublicIps=[public_ip])["Addresses"]
        s.require(len(listed) == 1 and listed[0].get("InstanceId") == ids[0], "DescribeAddresses association",
                  listed)
        s.require(instances_of(ec2.describe_instances(InstanceIds=[ids[0]])["Reservations"])[0]
                  .get("PublicIpAddress") == public_ip, "the instance shows its public address")
        if association:
            ec2.disassociate_address(AssociationId=association)
        else:
            ec2.disassociate_address(PublicIp=public_ip)
        listed = ec2.describe_addresses(PublicIps=[public_ip])["Addresses"]
        s.require(not listed[0].get("InstanceId"), "DisassociateAddress", listed)
        ec2.release_address(**by_ip)
        cleanup["allocation"] = None
        s.require(public_ip not in [a["PublicIp"] for a in ec2.describe_addresses()["Addresses"]],
                  "ReleaseAddress")
        summary["address"] = public_ip

        s.step("describe_vpcs_and_subnets")
        vpcs = ec2.describe_vpcs()["Vpcs"]
        subnets = ec2.describe_subnets()["Subnets"]
        summary["vpcs"] = [v["VpcId"] for v in vpcs]
        summary["subnets"] = [n["SubnetId"] for n in subnets]

        s.step("security_group_rules")
        ec2.revoke_security_group_ingress(GroupId=group_id, IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8090, "UserIdGroupPairs": [{"GroupId": group_id}]}])
        rules = ec2.describe_security_groups(GroupIds=[group_id])["SecurityGroups"][0]["IpPermissions"]
        s.require([(p.get("FromPort"), p.get("ToPort")) for p in rules] == [(22, 22)], "RevokeSecurityGroupIngress",
                  rules)
        egress = {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "198.51.100.0/24"}]}
        ec2.authorize_security_group_egress(GroupId=group_id, IpPermissions=[egress])
        out = ec2.describe_security_groups(GroupIds=[group_id])["SecurityGroups"][0].get("IpPermissionsEgress", [])
        s.require(any(p.get("FromPort") == 443 and any(r.get("CidrIp") == "198.51.100.0/24"
                                                       for r in p.get("IpRanges", [])) for p in out),
                  "AuthorizeSecurityGroupEgress", out)
        ec2.revoke_security_group_egress(GroupId=group_id, IpPermissions=[egress])
        out = ec2.describe_security_groups(GroupIds=[group_id])["SecurityGroups"][0].get("IpPermissionsEgress", [])
        s.require(not any(p.get("FromPort") == 443 for p in out), "RevokeSecurityGroupEgress", out)

        s.step("create_key_pair")
        created_key = "b3-made-" + suffix
        made = ec2.create_key_pair(KeyName=created_key)
        s.require(made["KeyName"] == created_key and "PRIVATE KEY-----" in made.get("KeyMaterial", "")
                  and made.get("KeyFingerprint"), "CreateKeyPair", {k: v for k, v in made.items() if k != "KeyMaterial"})
        s.expect_error("InvalidKeyPair.Duplicate", ec2.create_key_pair, KeyName=created_key)
        ec2.delete_key_pair(KeyName=created_key)
        s.require(created_key not in [k["KeyName"] for k in ec2.describe_key_pairs()["KeyPairs"]],
                  "the created key pair is deleted")

        s.step("register_image")
        image_name = "b3-image-" + suffix
        registered = ec2.register_image(Name=image_name, ImageLocation="http://images.invalid/b3-%s.qcow2" % suffix)
        new_image = registered["ImageId"]
        s.require(new_image.startswith("ami-") and len(new_image) == 21, "RegisterImage", registered)
        mine = ec2.describe_images(ImageIds=[new_image])["Images"]
        s.require([i.get("Name") for i in mine] == [image_name], "DescribeImages of the registered image", mine)
        s.require(new_image in [i["ImageId"] for i in ec2.describe_images(Owners=["self"])["Images"]],
                  "Owner=self lists the registered image")
        ec2.deregister_image(ImageId=new_image)
        try:
            left = ec2.describe_images(ImageIds=[new_image])["Images"]
            s.require(all(i.get("State") == "deregistered" for i in left), "DeregisterImage", left)
        except ClientError as e:
            s.require(e.response["Error"]["Code"] == "InvalidAMIID.NotFound", "DeregisterImage", e.response["Error"])
        summary["registered_image"] = new_image

        s.step("terminate")
        every = ids + batch_ids
        terminating = ec2.terminate_instances(InstanceIds=every)["TerminatingInstances"]
        s.require(sorted(i["InstanceId"] for i in terminating) == sorted(every), "TerminateInstances",
                  terminating)
        s.require(all(i["CurrentState"]["Name"] in ("shutting-down", "terminated") for i in terminating),
                  "terminating states", terminating)
        ec2.get_waiter("instance_terminated").wait(InstanceIds=every, WaiterConfig=WAIT)
        final = states(ec2, every)
        summary["final_states"] = final
        s.require(set(final.values()) == {"terminated"}, "terminated instances stay visible", final)
        cleanup["instances"] = []

        s.step("delete_key_pair")
        ec2.delete_key_pair(KeyName=key_name)
        cleanup["key"] = None
        s.require(key_name not in [k["KeyName"] for k in ec2.describe_key_pairs()["KeyPairs"]], "DeleteKeyPair")

        s.step("delete_security_group")
        ec2.delete_security_group(GroupId=group_id)
        cleanup["group"] = None
        s.require(group_id not in [g["GroupId"] for g in ec2.describe_security_groups()["SecurityGroups"]],
                  "DeleteSecurityGroup")
        checkpoint("terminated", {"instances": every, "name": name})
    finally:
        clean_up(ec2, cleanup)


def check_shapes(s):
    """Violations of every response the scenario saw, against botocore's EC2 model."""
    violations = []
    for operation, status, body in s.responses:
        for v in botocore_shape_check.check(operation, body, status=status, open_enums=OPEN_ENUMS):
            violations.append("%s (HTTP %s) %s" % (operation, status, v))
    s.summary["responses_checked"] = len(s.responses)
    s.summary["operations"] = sorted({op for op, _, _ in s.responses})
    s.summary["shape_violations"] = violations
    return violations


def clean_up(ec2, cleanup):
    """Best effort after a failure, so a broken run leaves little behind."""
    for what, call in (("instances", lambda v: ec2.terminate_instances(InstanceIds=v)),
                       ("allocation", lambda v: ec2.release_address(
                           **({"PublicIp": v} if v.count(".") == 3 else {"AllocationId": v}))),
                       ("volume", lambda v: ec2.delete_volume(VolumeId=v)),
                       ("key", lambda v: ec2.delete_key_pair(KeyName=v))):
        if cleanup.get(what):
            try:
                call(cleanup[what])
            except Exception as e:  # noqa: BLE001 - clean-up is best effort
                print("clean-up of %s failed: %s" % (what, e), file=sys.stderr)


if __name__ == "__main__":
    scenario = Scenario()
    try:
        main(scenario)
        scenario.summary["ok"] = True
    except (ScenarioFailure, ClientError, WaiterError, botocore.exceptions.BotoCoreError, AssertionError,
            KeyError, IndexError, TypeError, ValueError, subprocess.CalledProcessError) as e:
        scenario.summary["failed_step"] = scenario.current
        scenario.summary["error"] = "%s: %s" % (type(e).__name__, e)
        if not isinstance(e, (ScenarioFailure, ClientError, WaiterError)):
            traceback.print_exc()
        print("FAILED at step %s: %s" % (scenario.current, scenario.summary["error"]), file=sys.stderr)
    shape_violations = check_shapes(scenario)
    if shape_violations:
        scenario.summary["ok"] = False
        print("%d response shape violations:\n  %s" % (len(shape_violations), "\n  ".join(shape_violations)),
              file=sys.stderr)
    print(json.dumps(scenario.summary, default=str), flush=True)
    sys.exit(0 if scenario.summary["ok"] else 1)
