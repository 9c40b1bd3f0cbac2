// Drives Skyport's Compute Engine API with a stock Google client for Node.js, configured only by
// a service-account key file and the server's endpoint. The client is chosen by the first
// argument: "googleapis" (gce_googleapis.mjs) or "compute" (@google-cloud/compute,
// gce_compute.mjs); both run the same scenario through an adapter that only maps each step to the
// client's own calls. The same scenario runs in Python (clients/gce/python_api_client.py), so the
// events printed here have the same shape.
//
// Environment:
//   SKYPORT_GCE_BASE          the server's base URL, e.g. http://127.0.0.1:8080 (required)
//   SKYPORT_GCE_KEY_FILE      a service-account key file (required)
//   SKYPORT_GCE_ZONE          the zone to use (default: the first one listed)
//   SKYPORT_GCE_PREFIX        prefix of the names the scenario creates (default gce-node)
//   SKYPORT_GCE_CHECKPOINTS   a directory: at each checkpoint NAME.json is written there and the
//                             scenario waits for NAME.ack, whose JSON content it reads (optional)
//
// Each observation is a JSON line {"event": ..., ...} on stdout; progress goes to stderr. The last
// line on stdout is a summary {"ok": ..., "failed_step": ..., "error": ...}. Exits non-zero on
// the first failure, naming the step.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const WAIT_MS = 180_000;
const which = process.argv[2];
const summary = { client: which, node: process.version, ok: false, steps: [] };
let current = "start";

export class ScenarioFailure extends Error {}

function step(name) {
  current = name;
  summary.steps.push(name);
  process.stderr.write(`step: ${name}\n`);
}

function emit(event, data) {
  process.stdout.write(`${JSON.stringify({ ...data, event })}\n`);
}

export function require(condition, message, detail) {
  if (!condition) {
    throw new ScenarioFailure(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
  }
}

async function checkpoint(name, data) {
  const dir = process.env.SKYPORT_GCE_CHECKPOINTS;
  if (!dir) return {};
  writeFileSync(join(dir, `${name}.json.tmp`), JSON.stringify(data));
  renameSync(join(dir, `${name}.json.tmp`), join(dir, `${name}.json`));
  const deadline = Date.now() + 120_000;
  while (!existsSync(join(dir, `${name}.ack`))) {
    require(Date.now() < deadline, `checkpoint ${name} was not acknowledged`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const text = readFileSync(join(dir, `${name}.ack`), "utf8").trim();
  return text.startsWith("{") ? JSON.parse(text) : {};
}

function publicKey() {
  const dir = mkdtempSync(join(tmpdir(), "gce-key-"));
  try {
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "scenario", "-f", join(dir, "id_ed25519")]);
    return readFileSync(join(dir, "id_ed25519.pub"), "utf8").trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const last = (url) => (url ? String(url).split("/").pop() : url);
const sorted = (a) => [...a].sort();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function opView(op) {
  const out = {};
  for (const k of ["kind", "name", "status", "operationType", "targetLink", "zone", "progress", "selfLink", "error"]) {
    out[k] = op[k] ?? null;
  }
  return out;
}

function instanceView(i) {
  const metadata = {};
  for (const m of i.metadata?.items || []) metadata[m.key] = m.value ?? null;
  return {
    name: i.name, status: i.status, labels: i.labels || {}, metadata, fingerprint: i.metadata?.fingerprint ?? null,
    tags: i.tags?.items || [], machineType: last(i.machineType), zone: last(i.zone), kind: i.kind ?? null,
    id: i.id == null ? null : String(i.id), selfLink: i.selfLink ?? null,
  };
}

/** Waits through the adapter's zoneOperations.wait until DONE; an operation error fails the scenario. */
async function waitZone(c, zone, op) {
  const deadline = Date.now() + WAIT_MS;
  // waited on at least once, even when the call answered a DONE operation
  for (;;) {
    op = await c.waitZoneOperation(zone, op.name);
    if (op.status === "DONE") break;
    require(Date.now() < deadline, `operation ${op.name} not DONE in time`, op);
  }
  require(!op.error, `operation ${op.name} failed`, op.error);
  return op;
}

async function waitGlobal(c, op) {
  const deadline = Date.now() + WAIT_MS;
  // waited on at least once, even when the call answered a DONE operation
  for (;;) {
    op = await c.waitGlobalOperation(op.name);
    if (op.status === "DONE") break;
    require(Date.now() < deadline, `operation ${op.name} not DONE in time`, op);
  }
  require(!op.error, `operation ${op.name} failed`, op.error);
  return op;
}

async function waitStatus(c, zone, name, status) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const got = await c.getInstance(zone, name);
    if (got.status === status || Date.now() > deadline) return got;
    await sleep(1000);
  }
}

async function caught(call) {
  try {
    await call();
  } catch (e) {
    return e;
  }
  return null;
}

async function main(c) {
  const prefix = process.env.SKYPORT_GCE_PREFIX || "gce-node";
  emit("client", { project: c.project, library: c.library, version: c.version });

  step("zones.list");
  const zones = await c.listZones();
  emit("zones", { names: zones.map((z) => z.name), regions: zones.map((z) => last(z.region)),
    statuses: zones.map((z) => z.status) });
  require(zones.length > 0, "no zones");
  const zone = process.env.SKYPORT_GCE_ZONE || zones[0].name;

  step("machineTypes.list");
  const types = await c.listMachineTypes(zone);
  const typeNames = types.map((t) => t.name);
  emit("machine_types", { names: typeNames, cpus: Object.fromEntries(types.map((t) => [t.name, t.guestCpus])) });
  require(typeNames.length > 0, "no machine types");
  const machineType = typeNames.includes("small-instance") ? "small-instance" : typeNames[0];

  step("images.list");
  const images = await c.listImages();
  emit("images", { names: images.map((i) => i.name), statuses: images.map((i) => i.status) });
  require(images.length > 0, "no images");
  const image = images.find((i) => i.status === "READY") || images[0];

  step("firewalls.insert");
  let fwName = `${prefix}-ssh`;
  let op;
  try {
    op = await waitGlobal(c, await c.insertFirewall({
      name: fwName, network: "global/networks/default", direction: "INGRESS", sourceRanges: ["203.0.113.0/24"],
      allowed: [{ IPProtocol: "tcp", ports: ["22"] }], targetTags: ["ssh"],
    }));
    const fw = await c.getFirewall(fwName);
    emit("firewall", { op: opView(op), name: fw.name, sourceRanges: fw.sourceRanges, allowed: fw.allowed,
      targetTags: fw.targetTags, network: last(fw.network) });
  } catch (e) {
    // recorded (the test fails on it) and the instance steps go on without the firewall
    emit("firewall", { name: fwName, error: e instanceof ScenarioFailure ? e.message : c.errorOf(e) });
    fwName = null;
  }

  step("instances.insert");
  const key = publicKey();
  const script = "#!/bin/sh\necho scenario-started > /tmp/scenario\n";
  const created = [`${prefix}-a`, `${prefix}-b`];
  const ops = [];
  for (const name of created) {
    ops.push(await c.insertInstance(zone, {
      name, machineType: `zones/${zone}/machineTypes/${machineType}`,
      disks: [{ boot: true, autoDelete: true, initializeParams: { sourceImage: image.selfLink } }],
      networkInterfaces: [{ network: "global/networks/default" }],
      metadata: { items: [{ key: "ssh-keys", value: `scenario:${key}` }, { key: "startup-script", value: script }] },
      labels: { env: "test", client: which }, tags: { items: ["ssh"] },
    }));
  }
  emit("insert_ops", { ops: ops.map(opView) });
  const done = [];
  for (const o of ops) done.push(opView(await waitZone(c, zone, o)));
  emit("insert", { names: created, ops: done, machine_type: machineType, image: image.name, ssh_key: key,
    startup_script: script });

  step("instances.get");
  const views = [];
  for (const n of created) views.push(instanceView(await waitStatus(c, zone, n, "RUNNING")));
  emit("described", { instances: views });

  step("checkpoint running");
  const answer = await checkpoint("running", { instances: created, zone });
  const native = answer.native_vm || null;

  step("instances.list filter");
  const byLabel = await c.listInstances(zone, { filter: "labels.env = test" });
  const byName = await c.listInstances(zone, { filter: `name = ${created[1]}` });
  const everything = await c.listInstances(zone, {});
  emit("filtered", {
    by_label: sorted(byLabel.items.map((i) => i.name)), by_name: sorted(byName.items.map((i) => i.name)),
    all: sorted(everything.items.map((i) => i.name)),
    native: everything.items.filter((i) => i.name === native).map(instanceView),
  });

  step("instances.list paging");
  const pages = [];
  let pageToken;
  do {
    const page = await c.listInstances(zone, { maxResults: 1, pageToken });
    pages.push({ names: page.items.map((i) => i.name), token: Boolean(page.nextPageToken) });
    pageToken = page.nextPageToken || undefined;
  } while (pageToken && pages.length < 10);
  emit("pages", { pages });

  step("instances.aggregatedList");
  const aggregated = await c.aggregatedInstances();
  emit("aggregated", { keys: sorted(Object.keys(aggregated.items)), kind: aggregated.kind,
    names: Object.fromEntries(Object.entries(aggregated.items)
      .map(([k, v]) => [k, sorted((v.instances || []).map((i) => i.name))])) });

  step("instances.stop");
  const stops = [];
  for (const n of created) stops.push(await c.stopInstance(zone, n));
  const stopped = [];
  for (let i = 0; i < stops.length; i++) stops[i] = opView(await waitZone(c, zone, stops[i]));
  for (const n of created) stopped.push((await waitStatus(c, zone, n, "TERMINATED")).status);
  emit("stop", { ops: stops, statuses: stopped });
  await checkpoint("stopped", { instances: created, zone });

  step("instances.start");
  const starts = [];
  for (const n of created) starts.push(await c.startInstance(zone, n));
  for (let i = 0; i < starts.length; i++) starts[i] = opView(await waitZone(c, zone, starts[i]));
  const started = [];
  for (const n of created) started.push((await waitStatus(c, zone, n, "RUNNING")).status);
  emit("start", { ops: starts, statuses: started });

  step("instances.setMetadata");
  const currentMeta = (await c.getInstance(zone, created[0])).metadata;
  const items = [...(currentMeta.items || []).map((m) => ({ key: m.key, value: m.value })),
    { key: "role", value: "web" }];
  op = await waitZone(c, zone, await c.setMetadata(zone, created[0], { fingerprint: currentMeta.fingerprint, items }));
  const after = instanceView(await c.getInstance(zone, created[0]));
  const staleError = await caught(() => c.setMetadata(zone, created[0],
    { fingerprint: currentMeta.fingerprint, items: [{ key: "role", value: "db" }] }));
  const final = instanceView(await c.getInstance(zone, created[0]));
  emit("set_metadata", { op: opView(op), before: currentMeta.fingerprint, after,
    stale: staleError && c.errorOf(staleError), after_stale: final.metadata });

  step("instances.getSerialPortOutput");
  const serial = await c.serialPortOutput(zone, created[0]);
  emit("serial", { kind: serial.kind ?? null, contents: serial.contents ?? null, next: serial.next ?? null });

  if (c.batchGet) {
    step("batch");
    const gets = [...created, native || `${prefix}-missing`];
    emit("batch", { requested: gets, results: await c.batchGet(zone, gets) });
  }

  step("not found");
  const missing = await caught(() => c.getInstance(zone, `${prefix}-nope`));
  require(missing, "getting an unknown instance succeeded");
  emit("not_found", { error: c.errorOf(missing) });

  step("zoneOperations");
  const zoneOps = await c.listZoneOperations(zone);
  emit("operations", { count: zoneOps.length, types: sorted(new Set(zoneOps.map((o) => o.operationType))),
    statuses: sorted(new Set(zoneOps.map((o) => o.status))) });

  step("instances.delete");
  const doomed = native ? [...created, native] : created;
  const deletes = [];
  for (const n of doomed) deletes.push(await c.deleteInstance(zone, n));
  for (let i = 0; i < deletes.length; i++) deletes[i] = opView(await waitZone(c, zone, deletes[i]));
  const remaining = (await c.listInstances(zone, {})).items.map((i) => i.name);
  emit("delete", { names: doomed, ops: deletes, remaining: sorted(remaining) });

  if (fwName) {
    step("firewalls.delete");
    op = opView(await waitGlobal(c, await c.deleteFirewall(fwName)));
    emit("firewall_delete", { op, remaining: sorted((await c.listFirewalls()).map((f) => f.name)) });
  }
  await checkpoint("deleted", { instances: doomed, zone });
}

try {
  const adapters = { googleapis: "./gce_googleapis.mjs", compute: "./gce_compute.mjs" };
  require(adapters[which], `unknown client ${which}; one of ${Object.keys(adapters)}`);
  step("credentials");
  const { connect } = await import(adapters[which]);
  const c = await connect(process.env.SKYPORT_GCE_BASE.replace(/\/+$/, ""), process.env.SKYPORT_GCE_KEY_FILE);
  summary.library = c.library;
  summary.version = c.version;
  await main(c);
  summary.ok = true;
} catch (e) {
  summary.failed_step = current;
  summary.error = `${e.name}: ${e.message}`;
  for (const k of ["code", "status", "reason", "errors"]) {
    if (e[k] !== undefined) summary[`error_${k}`] = e[k];
  }
  if (e.response?.data !== undefined) summary.error_body = e.response.data;
  if (e.config?.url) summary.error_url = `${e.config.method || ""} ${e.config.url}`;
  process.stderr.write(`FAILED at step ${current}: ${summary.error}\n`);
  if (!(e instanceof ScenarioFailure)) process.stderr.write(`${e.stack}\n`);
}
process.stdout.write(`${JSON.stringify(summary)}\n`);
process.exitCode = summary.ok ? 0 : 1;
