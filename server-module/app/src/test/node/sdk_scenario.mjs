// Drives Skyport's EC2 API with the stock AWS SDK for JavaScript v3 (@aws-sdk/client-ec2),
// configured only by endpoint, region and credentials, waiting with the SDK's own waiters.
//
// Environment:
//   SKYPORT_EC2_ENDPOINT      the EC2 endpoint, e.g. http://127.0.0.1:8080/ec2 (required)
//   SKYPORT_EC2_REGION        region name (default skyport-1)
//   SKYPORT_EC2_ZONE          availability zone expected (default Sandbox-simulator)
//   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY   the user's API key and secret key (required)
//   SKYPORT_EC2_OTHER_ACCESS_KEY, SKYPORT_EC2_OTHER_SECRET_KEY   another account's keys (optional)
//   SKYPORT_EC2_CHECKPOINTS   a directory: at each checkpoint NAME.json is written there and the
//                             scenario waits for NAME.ack (optional)
//
// Progress goes to stderr; the last line on stdout is a JSON summary. Exits non-zero on the first
// failure, naming the step.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DescribeAvailabilityZonesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeKeyPairsCommand,
  DescribeRegionsCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  GetConsoleOutputCommand,
  ImportKeyPairCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  paginateDescribeInstances,
  waitUntilInstanceRunning,
  waitUntilInstanceStopped,
  waitUntilInstanceTerminated,
} from "@aws-sdk/client-ec2";

const endpoint = process.env.SKYPORT_EC2_ENDPOINT;
const region = process.env.SKYPORT_EC2_REGION || "skyport-1";
const zone = process.env.SKYPORT_EC2_ZONE || "Sandbox-simulator";
const sdkVersion = createRequire(import.meta.url)("@aws-sdk/client-ec2/package.json").version;
const summary = { client: "aws-sdk-js-v3", sdk: sdkVersion, node: process.version, ok: false, steps: [] };
const cleanup = { instances: [], key: null, group: null };
let current = "start";

class ScenarioFailure extends Error {}

function step(name) {
  current = name;
  summary.steps.push(name);
  process.stderr.write(`step: ${name}\n`);
}

function require(condition, message, detail) {
  if (!condition) {
    throw new ScenarioFailure(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
  }
}

function client(accessKeyId, secretAccessKey) {
  return new EC2Client({ endpoint, region, credentials: { accessKeyId, secretAccessKey } });
}

async function expectError(code, ec2, command) {
  try {
    await ec2.send(command);
  } catch (e) {
    const got = e.Code || e.name;
    require(got === code, `expected error ${code}, got ${got}`, e.message);
    return got;
  }
  throw new ScenarioFailure(`expected error ${code}, but the call succeeded`);
}

async function checkpoint(name, data) {
  const dir = process.env.SKYPORT_EC2_CHECKPOINTS;
  if (!dir) return;
  writeFileSync(join(dir, `${name}.json.tmp`), JSON.stringify(data));
  renameSync(join(dir, `${name}.json.tmp`), join(dir, `${name}.json`));
  const deadline = Date.now() + 120_000;
  while (!existsSync(join(dir, `${name}.ack`))) {
    require(Date.now() < deadline, `checkpoint ${name} was not acknowledged`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function newPublicKey() {
  const dir = mkdtempSync(join(tmpdir(), "sdk-key-"));
  try {
    execFileSync("ssh-keygen", ["-q", "-t", "rsa", "-b", "2048", "-N", "", "-C", "skyport-ec2-scenario", "-f",
      join(dir, "id_rsa")]);
    const pub = readFileSync(join(dir, "id_rsa.pub"), "utf8").trim();
    const md5 = createHash("md5").update(Buffer.from(pub.split(" ")[1], "base64")).digest("hex");
    return { pub, fingerprint: md5.match(/../g).join(":") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const instancesOf = (out) => (out.Reservations || []).flatMap((r) => r.Instances || []);
const sorted = (a) => [...a].sort();
const same = (a, b) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const waitConfig = (ec2) => ({ client: ec2, maxWaitTime: 300, minDelay: 1, maxDelay: 2 });

// Runs one of the SDK's waiters; a failure names the instance states that ended the wait.
async function waitFor(waiter, ec2, ids) {
  let result;
  try {
    result = await waiter(waitConfig(ec2), { InstanceIds: ids });
  } catch (e) {
    let detail = e.message;
    try {
      const parsed = JSON.parse(e.message);
      detail = `${parsed.state}, states ${JSON.stringify(Object.fromEntries(instancesOf(parsed.reason || {})
        .map((i) => [i.InstanceId, i.State && i.State.Name])))}`;
    } catch (ignored) {
      // not the waiter's JSON report: keep the message
    }
    throw new ScenarioFailure(`${waiter.name} failed: ${detail}`);
  }
  require(result.state === "SUCCESS", `${waiter.name}`, result.state);
}

async function main() {
  require(endpoint, "SKYPORT_EC2_ENDPOINT is required");
  const ec2 = client(process.env.AWS_ACCESS_KEY_ID, process.env.AWS_SECRET_ACCESS_KEY);
  const suffix = `${Math.floor(Date.now() / 1000).toString(16)}${(process.pid % 65536).toString(16).padStart(4, "0")}`;

  step("describe_regions");
  const regions = (await ec2.send(new DescribeRegionsCommand({}))).Regions.map((r) => r.RegionName);
  require(regions.includes(region), `region ${region} not listed`, regions);
  summary.regions = regions;

  step("describe_availability_zones");
  const zones = (await ec2.send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones.map((z) => z.ZoneName);
  require(zones.includes(zone), `zone ${zone} not listed`, zones);
  summary.zones = zones;

  step("describe_images");
  const images = (await ec2.send(new DescribeImagesCommand({}))).Images;
  require(images.length > 0 && /^ami-[0-9a-f]{17}$/.test(images[0].ImageId), "an ami-<17 hex> image", images);
  const imageId = images[0].ImageId;
  summary.image = imageId;

  step("describe_instance_types");
  const types = (await ec2.send(new DescribeInstanceTypesCommand({}))).InstanceTypes.map((t) => t.InstanceType);
  require(types.length > 0, "no instance type listed");
  const instanceType = types.find((t) => /small/i.test(t)) || types[0];
  summary.instance_type = instanceType;

  step("import_key_pair");
  const keyName = `js-key-${suffix}`;
  const { pub, fingerprint } = newPublicKey();
  const imported = await ec2.send(new ImportKeyPairCommand({ KeyName: keyName,
    PublicKeyMaterial: new TextEncoder().encode(pub) }));
  cleanup.key = keyName;
  require(imported.KeyName === keyName && imported.KeyFingerprint === fingerprint,
    "ImportKeyPair name and MD5 fingerprint", [imported.KeyName, imported.KeyFingerprint, fingerprint]);
  const keys = (await ec2.send(new DescribeKeyPairsCommand({ KeyNames: [keyName] }))).KeyPairs;
  require(same(keys.map((k) => k.KeyName), [keyName]), "DescribeKeyPairs", keys);

  step("create_security_group");
  const groupName = `js-sg-${suffix}`;
  const groupId = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: groupName,
    Description: "sdk scenario" }))).GroupId;
  cleanup.group = groupId;
  require(/^sg-/.test(groupId), "security group id", groupId);
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [
    { IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "0.0.0.0/0" }] },
    { IpProtocol: "tcp", FromPort: 8080, ToPort: 8090, UserIdGroupPairs: [{ GroupId: groupId }] },
  ] }));
  const groups = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }))).SecurityGroups;
  const rules = groups[0].IpPermissions || [];
  require(rules.some((p) => p.FromPort === 22 && (p.IpRanges || []).some((r) => r.CidrIp === "0.0.0.0/0"))
    && rules.some((p) => p.FromPort === 8080 && p.ToPort === 8090
      && (p.UserIdGroupPairs || []).some((g) => g.GroupId === groupId)), "both ingress rules listed", rules);
  summary.group = groupId;

  step("run_instances");
  const name = `js-vm-${suffix}`;
  const reservation = await ec2.send(new RunInstancesCommand({
    ImageId: imageId, InstanceType: instanceType, MinCount: 2, MaxCount: 2, KeyName: keyName,
    SecurityGroupIds: [groupId],
    // this SDK sends UserData as given: base64 is the caller's job
    UserData: Buffer.from("#cloud-config\nhostname: js\n").toString("base64"),
    TagSpecifications: [{ ResourceType: "instance",
      Tags: [{ Key: "Name", Value: name }, { Key: "Scenario", Value: suffix }] }],
  }));
  const ids = reservation.Instances.map((i) => i.InstanceId);
  cleanup.instances = ids;
  require(ids.length === 2 && new Set(ids).size === 2, "RunInstances must start 2 instances", ids);
  summary.instances = ids;
  summary.name = name;

  step("wait_instance_running");
  await waitFor(waitUntilInstanceRunning, ec2, ids);
  const described = instancesOf(await ec2.send(new DescribeInstancesCommand({ InstanceIds: ids })));
  require(described.length === 2 && described.every((i) => i.State.Name === "running" && i.State.Code === 16
    && i.KeyName === keyName && i.Placement.AvailabilityZone === zone
    && (i.SecurityGroups || []).some((g) => g.GroupId === groupId)
    && (i.Tags || []).some((t) => t.Key === "Name" && t.Value === name)), "running instances", described);
  await checkpoint("running", { instances: ids, name });

  step("filters_and_paging");
  const filtered = instancesOf(await ec2.send(new DescribeInstancesCommand({ Filters: [
    { Name: "tag:Name", Values: [name] }, { Name: "instance-state-name", Values: ["running"] }] })));
  require(same(filtered.map((i) => i.InstanceId), ids), "tag:Name + instance-state-name filter", filtered);
  const pages = [];
  for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 5 }, {})) {
    pages.push(instancesOf(page).map((i) => i.InstanceId));
  }
  const seen = pages.flat();
  require(new Set(seen).size === seen.length && ids.every((i) => seen.includes(i))
    && pages.every((p) => p.length <= 5), "paginateDescribeInstances", pages);
  summary.pages = pages.map((p) => p.length);

  step("errors");
  summary.not_found = await expectError("InvalidInstanceID.NotFound", ec2,
    new DescribeInstancesCommand({ InstanceIds: ["i-0123456789abcdef0"] }));
  summary.bad_filter = await expectError("InvalidParameterValue", ec2,
    new DescribeInstancesCommand({ Filters: [{ Name: "no-such-filter", Values: ["x"] }] }));
  summary.dry_run = await expectError("DryRunOperation", ec2, new RunInstancesCommand({ DryRun: true,
    ImageId: imageId, InstanceType: instanceType, MinCount: 1, MaxCount: 1 }));
  if (process.env.SKYPORT_EC2_OTHER_ACCESS_KEY) {
    const other = client(process.env.SKYPORT_EC2_OTHER_ACCESS_KEY, process.env.SKYPORT_EC2_OTHER_SECRET_KEY);
    summary.other_tenant = {
      describe: await expectError("InvalidInstanceID.NotFound", other,
        new DescribeInstancesCommand({ InstanceIds: [ids[0]] })),
      terminate: await expectError("InvalidInstanceID.NotFound", other,
        new TerminateInstancesCommand({ InstanceIds: [ids[0]] })),
    };
  }

  step("stop");
  const stopping = (await ec2.send(new StopInstancesCommand({ InstanceIds: ids }))).StoppingInstances;
  require(same(stopping.map((i) => i.InstanceId), ids), "StopInstances", stopping);
  await waitFor(waitUntilInstanceStopped, ec2, ids);
  await checkpoint("stopped", { instances: ids, name });

  step("start");
  const starting = (await ec2.send(new StartInstancesCommand({ InstanceIds: ids }))).StartingInstances;
  require(starting.every((i) => i.PreviousState.Name === "stopped"), "StartInstances", starting);
  await waitFor(waitUntilInstanceRunning, ec2, ids);

  step("get_console_output");
  const consoleOutput = await ec2.send(new GetConsoleOutputCommand({ InstanceId: ids[0] }));
  require(consoleOutput.InstanceId === ids[0], "GetConsoleOutput", consoleOutput);

  step("terminate");
  const terminating = (await ec2.send(new TerminateInstancesCommand({ InstanceIds: ids }))).TerminatingInstances;
  require(same(terminating.map((i) => i.InstanceId), ids), "TerminateInstances", terminating);
  await waitFor(waitUntilInstanceTerminated, ec2, ids);
  const final = instancesOf(await ec2.send(new DescribeInstancesCommand({ InstanceIds: ids })));
  summary.final_states = Object.fromEntries(final.map((i) => [i.InstanceId, i.State.Name]));
  require(final.length === 2 && final.every((i) => i.State.Name === "terminated"),
    "terminated instances stay visible", summary.final_states);
  cleanup.instances = [];

  step("delete_key_pair");
  await ec2.send(new DeleteKeyPairCommand({ KeyName: keyName }));
  cleanup.key = null;
  const left = (await ec2.send(new DescribeKeyPairsCommand({}))).KeyPairs.map((k) => k.KeyName);
  require(!left.includes(keyName), "DeleteKeyPair", left);

  step("delete_security_group");
  await ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId }));
  cleanup.group = null;
  const groupsLeft = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups.map((g) => g.GroupId);
  require(!groupsLeft.includes(groupId), "DeleteSecurityGroup", groupsLeft);
  await checkpoint("terminated", { instances: ids, name });
}

async function bestEffortCleanup() {
  const ec2 = client(process.env.AWS_ACCESS_KEY_ID, process.env.AWS_SECRET_ACCESS_KEY);
  const attempts = [
    cleanup.instances.length && (() => ec2.send(new TerminateInstancesCommand({ InstanceIds: cleanup.instances }))),
    cleanup.key && (() => ec2.send(new DeleteKeyPairCommand({ KeyName: cleanup.key }))),
  ];
  for (const attempt of attempts.filter(Boolean)) {
    try {
      await attempt();
    } catch (e) {
      process.stderr.write(`clean-up failed: ${e.message}\n`);
    }
  }
}

try {
  await main();
  summary.ok = true;
} catch (e) {
  summary.failed_step = current;
  summary.error = `${e.Code || e.name}: ${e.message}`;
  process.stderr.write(`FAILED at step ${current}: ${summary.error}\n`);
  if (!(e instanceof ScenarioFailure) && !e.$metadata) process.stderr.write(`${e.stack}\n`);
  await bestEffortCleanup();
}
process.stdout.write(`${JSON.stringify(summary)}\n`);
process.exitCode = summary.ok ? 0 : 1;
