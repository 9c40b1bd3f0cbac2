"""Drives Skyport's Compute Engine API with Debian's stock google-api-python-client.

The service is built from the server's own discovery document; the credentials are Debian's
google-auth service-account credentials read from a key file, authorized through
google_auth_httplib2 (what googleapiclient itself picks when it is installed).

Environment:
  SKYPORT_GCE_BASE          the server's base URL, e.g. http://127.0.0.1:8080 (required)
  SKYPORT_GCE_KEY_FILE      a service-account key file (required)
  SKYPORT_GCE_ZONE          the zone to use (default: the first one listed)
  SKYPORT_GCE_PREFIX        prefix of the names the scenario creates (default gce-py)
  SKYPORT_GCE_CHECKPOINTS   a directory: at each checkpoint NAME.json is written there and the
                            scenario waits for NAME.ack, whose JSON content it reads (optional)

Each observation is a JSON line {"event": ..., ...} on stdout; progress goes to stderr. The last
line on stdout is a summary {"ok": ..., "failed_step": ..., "error": ...}. Exits non-zero on the
first failure, naming the step.
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback

import google_auth_httplib2
import googleapiclient
import httplib2
from google.oauth2 import service_account
from googleapiclient import discovery
from googleapiclient.errors import HttpError

from gce_checkpoints import ScenarioFailure, checkpoint

SCOPES = ["https://www.googleapis.com/auth/cloud-platform"]
WAIT_SECONDS = 180


class Scenario:
    def __init__(self):
        self.summary = {"client": "google-api-python-client", "version": googleapiclient.__version__,
                        "python": sys.executable, "ok": False, "steps": []}
        self.current = None

    def step(self, name):
        self.current = name
        self.summary["steps"].append(name)
        print("step: " + name, file=sys.stderr, flush=True)

    @staticmethod
    def emit(event, **data):
        data["event"] = event
        print(json.dumps(data, default=str), flush=True)

    @staticmethod
    def require(condition, message, *detail):
        if not condition:
            raise ScenarioFailure("%s%s" % (message, "" if not detail else ": " + json.dumps(detail, default=str)))


def public_key(folder):
    path = os.path.join(folder, "id_ed25519")
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "scenario", "-f", path], check=True,
                   stdout=subprocess.DEVNULL)
    with open(path + ".pub") as f:
        return f.read().strip()


def last(url):
    return url.rsplit("/", 1)[-1] if url else url


def error_of(e):
    """HTTP status and the GCE error body of an HttpError."""
    try:
        body = json.loads(e.content.decode("utf-8") if isinstance(e.content, bytes) else e.content)
    except ValueError:
        body = {"unparsed": str(e.content)[:500]}
    err = body.get("error", {}) if isinstance(body, dict) else {}
    errors = err.get("errors") or [{}]
    return {"http": e.resp.status, "code": err.get("code"), "reason": errors[0].get("reason"),
            "message": err.get("message")}


def wait_zone(compute, project, zone, op):
    """zoneOperations.wait until the operation is DONE; its errors fail the scenario."""
    deadline = time.time() + WAIT_SECONDS
    while True:
        # waited on at least once, even when the call answered a DONE operation
        op = compute.zoneOperations().wait(project=project, zone=zone, operation=op["name"]).execute()
        if op.get("status") == "DONE":
            break
        if time.time() > deadline:
            raise ScenarioFailure("operation %s not DONE in %d s" % (op.get("name"), WAIT_SECONDS), op)
    if op.get("error"):
        raise ScenarioFailure("operation %s failed" % op["name"], op["error"])
    return op


def wait_global(compute, project, op):
    deadline = time.time() + WAIT_SECONDS
    while True:
        # waited on at least once, even when the call answered a DONE operation
        op = compute.globalOperations().wait(project=project, operation=op["name"]).execute()
        if op.get("status") == "DONE":
            break
        if time.time() > deadline:
            raise ScenarioFailure("operation %s not DONE in %d s" % (op.get("name"), WAIT_SECONDS), op)
    if op.get("error"):
        raise ScenarioFailure("operation %s failed" % op["name"], op["error"])
    return op


def op_view(op):
    return {k: op.get(k) for k in ("kind", "name", "status", "operationType", "targetLink", "zone", "progress",
                                   "selfLink", "error")}


def wait_status(compute, project, zone, name, status):
    deadline = time.time() + WAIT_SECONDS
    while True:
        got = compute.instances().get(project=project, zone=zone, instance=name).execute()
        if got["status"] == status or time.time() > deadline:
            return got
        time.sleep(1)


def instance_view(i):
    items = (i.get("metadata") or {}).get("items") or []
    return {"name": i.get("name"), "status": i.get("status"), "labels": i.get("labels") or {},
            "metadata": {m["key"]: m.get("value") for m in items},
            "fingerprint": (i.get("metadata") or {}).get("fingerprint"),
            "tags": (i.get("tags") or {}).get("items") or [], "machineType": last(i.get("machineType")),
            "zone": last(i.get("zone")), "kind": i.get("kind"), "id": i.get("id"), "selfLink": i.get("selfLink")}


def main(s):
    base = os.environ["SKYPORT_GCE_BASE"].rstrip("/")
    prefix = os.environ.get("SKYPORT_GCE_PREFIX", "gce-py")
    work = tempfile.mkdtemp(prefix="gce-python")

    s.step("credentials")
    credentials = service_account.Credentials.from_service_account_file(os.environ["SKYPORT_GCE_KEY_FILE"],
                                                                        scopes=SCOPES)
    project = credentials.project_id
    authorized = google_auth_httplib2.AuthorizedHttp(credentials, http=httplib2.Http(timeout=60))

    s.step("discovery")
    compute = discovery.build("compute", "v1", http=authorized, cache_discovery=False,
                              discoveryServiceUrl=base + "/discovery/v1/apis/{api}/{apiVersion}/rest")
    s.emit("client", project=project, root=compute._baseUrl, token_uri=credentials._token_uri)

    s.step("zones.list")
    zones = compute.zones().list(project=project).execute().get("items", [])
    s.emit("zones", names=[z["name"] for z in zones], regions=[last(z.get("region")) for z in zones],
           statuses=[z.get("status") for z in zones])
    s.require(zones, "no zones")
    zone = os.environ.get("SKYPORT_GCE_ZONE") or zones[0]["name"]

    s.step("machineTypes.list")
    types = compute.machineTypes().list(project=project, zone=zone).execute().get("items", [])
    names = [t["name"] for t in types]
    s.emit("machine_types", names=names, cpus={t["name"]: t.get("guestCpus") for t in types})
    s.require(names, "no machine types")
    machine_type = "small-instance" if "small-instance" in names else names[0]

    s.step("images.list")
    images = compute.images().list(project=project).execute().get("items", [])
    s.emit("images", names=[i["name"] for i in images], statuses=[i.get("status") for i in images])
    s.require(images, "no images")
    image = next((i for i in images if i.get("status") == "READY"), images[0])

    s.step("firewalls.insert")
    fw_name = prefix + "-ssh"
    try:
        op = compute.firewalls().insert(project=project, body={
            "name": fw_name, "network": "global/networks/default", "direction": "INGRESS",
            "sourceRanges": ["203.0.113.0/24"], "allowed": [{"IPProtocol": "tcp", "ports": ["22"]}],
            "targetTags": ["ssh"]}).execute()
        op = wait_global(compute, project, op)
        fw = compute.firewalls().get(project=project, firewall=fw_name).execute()
        s.emit("firewall", op=op_view(op), name=fw.get("name"), sourceRanges=fw.get("sourceRanges"),
               allowed=fw.get("allowed"), targetTags=fw.get("targetTags"), network=last(fw.get("network")))
    except (HttpError, AttributeError, ScenarioFailure) as e:
        # recorded (the test fails on it) and the instance steps go on without the firewall
        s.emit("firewall", name=fw_name, error=error_of(e) if isinstance(e, HttpError) else repr(e))
        fw_name = None

    s.step("instances.insert")
    key = public_key(work)
    script = "#!/bin/sh\necho scenario-started > /tmp/scenario\n"
    created = [prefix + "-a", prefix + "-b"]
    ops = []
    for name in created:
        ops.append(compute.instances().insert(project=project, zone=zone, body={
            "name": name, "machineType": "zones/%s/machineTypes/%s" % (zone, machine_type),
            "disks": [{"boot": True, "autoDelete": True, "initializeParams": {"sourceImage": image["selfLink"]}}],
            "networkInterfaces": [{"network": "global/networks/default"}],
            "metadata": {"items": [{"key": "ssh-keys", "value": "scenario:" + key},
                                   {"key": "startup-script", "value": script}]},
            "labels": {"env": "test", "client": "python"}, "tags": {"items": ["ssh"]}}).execute())
    s.emit("insert_ops", ops=[op_view(o) for o in ops])
    done = [op_view(wait_zone(compute, project, zone, o)) for o in ops]
    s.emit("insert", names=created, ops=done, machine_type=machine_type, image=image["name"],
           ssh_key=key, startup_script=script)

    s.step("instances.get")
    views = [instance_view(wait_status(compute, project, zone, n, "RUNNING")) for n in created]
    s.emit("described", instances=views)

    s.step("checkpoint running")
    answer = checkpoint("running", {"instances": created, "zone": zone})
    native = answer.get("native_vm")

    s.step("instances.list filter")
    by_label = compute.instances().list(project=project, zone=zone, filter="labels.env = test").execute()
    by_name = compute.instances().list(project=project, zone=zone, filter="name = " + created[1]).execute()
    everything = compute.instances().list(project=project, zone=zone).execute()
    s.emit("filtered", by_label=sorted(i["name"] for i in by_label.get("items", [])),
           by_name=sorted(i["name"] for i in by_name.get("items", [])),
           all=sorted(i["name"] for i in everything.get("items", [])),
           native=[instance_view(i) for i in everything.get("items", []) if i["name"] == native])

    s.step("instances.list paging")
    pages = []
    request = compute.instances().list(project=project, zone=zone, maxResults=1)
    while request is not None and len(pages) < 10:
        response = request.execute()
        pages.append({"names": [i["name"] for i in response.get("items", [])],
                      "token": bool(response.get("nextPageToken"))})
        request = compute.instances().list_next(request, response)
    s.emit("pages", pages=pages)

    s.step("instances.aggregatedList")
    aggregated = compute.instances().aggregatedList(project=project).execute()
    items = aggregated.get("items", {})
    s.emit("aggregated", keys=sorted(items), kind=aggregated.get("kind"),
           names={k: sorted(i["name"] for i in v.get("instances", [])) for k, v in items.items()})

    s.step("instances.stop")
    stops = [compute.instances().stop(project=project, zone=zone, instance=n).execute() for n in created]
    stops = [op_view(wait_zone(compute, project, zone, o)) for o in stops]
    stopped = [wait_status(compute, project, zone, n, "TERMINATED")["status"] for n in created]
    s.emit("stop", ops=stops, statuses=stopped)
    checkpoint("stopped", {"instances": created, "zone": zone})

    s.step("instances.start")
    starts = [compute.instances().start(project=project, zone=zone, instance=n).execute() for n in created]
    starts = [op_view(wait_zone(compute, project, zone, o)) for o in starts]
    started = [wait_status(compute, project, zone, n, "RUNNING")["status"] for n in created]
    s.emit("start", ops=starts, statuses=started)

    s.step("instances.setMetadata")
    current = compute.instances().get(project=project, zone=zone, instance=created[0]).execute()["metadata"]
    items = [m for m in current.get("items", [])] + [{"key": "role", "value": "web"}]
    op = compute.instances().setMetadata(project=project, zone=zone, instance=created[0],
                                         body={"fingerprint": current["fingerprint"], "items": items}).execute()
    op = wait_zone(compute, project, zone, op)
    after = instance_view(compute.instances().get(project=project, zone=zone, instance=created[0]).execute())
    stale = None
    try:
        compute.instances().setMetadata(project=project, zone=zone, instance=created[0],
                                        body={"fingerprint": current["fingerprint"],
                                              "items": [{"key": "role", "value": "db"}]}).execute()
    except HttpError as e:
        stale = error_of(e)
    final = instance_view(compute.instances().get(project=project, zone=zone, instance=created[0]).execute())
    s.emit("set_metadata", op=op_view(op), before=current.get("fingerprint"), after=after, stale=stale,
           after_stale=final["metadata"])

    s.step("instances.getSerialPortOutput")
    serial = compute.instances().getSerialPortOutput(project=project, zone=zone, instance=created[0]).execute()
    s.emit("serial", kind=serial.get("kind"), contents=serial.get("contents"), next=serial.get("next"))

    s.step("batch")
    results = {}

    def collect(request_id, response, exception):
        if exception is not None:
            results[request_id] = {"error": error_of(exception) if isinstance(exception, HttpError)
                                   else str(exception)}
        else:
            results[request_id] = {"name": response.get("name"), "status": response.get("status")}

    batch = compute.new_batch_http_request(callback=collect)
    gets = created + ([native] if native else [prefix + "-missing"])
    for n in gets:
        batch.add(compute.instances().get(project=project, zone=zone, instance=n), request_id=n)
    batch.execute()
    s.emit("batch", requested=gets, results=results)

    s.step("not found")
    missing = None
    try:
        compute.instances().get(project=project, zone=zone, instance=prefix + "-nope").execute()
    except HttpError as e:
        missing = error_of(e)
    s.emit("not_found", error=missing)

    s.step("zoneOperations")
    ops = compute.zoneOperations().list(project=project, zone=zone).execute().get("items", [])
    s.emit("operations", count=len(ops), types=sorted({o.get("operationType") for o in ops}),
           statuses=sorted({o.get("status") for o in ops}))

    s.step("instances.delete")
    doomed = created + ([native] if native else [])
    deletes = [compute.instances().delete(project=project, zone=zone, instance=n).execute() for n in doomed]
    deletes = [op_view(wait_zone(compute, project, zone, o)) for o in deletes]
    remaining = compute.instances().list(project=project, zone=zone).execute().get("items", [])
    s.emit("delete", names=doomed, ops=deletes, remaining=sorted(i["name"] for i in remaining))

    if fw_name:
        s.step("firewalls.delete")
        op = wait_global(compute, project, compute.firewalls().delete(project=project, firewall=fw_name).execute())
        firewalls = compute.firewalls().list(project=project).execute().get("items", [])
        s.emit("firewall_delete", op=op_view(op), remaining=sorted(f["name"] for f in firewalls))
    checkpoint("deleted", {"instances": doomed, "zone": zone})


if __name__ == "__main__":
    scenario = Scenario()
    try:
        main(scenario)
        scenario.summary["ok"] = True
    except HttpError as e:
        scenario.summary["failed_step"] = scenario.current
        scenario.summary["error"] = "HttpError %s %s: %s" % (e.resp.status, getattr(e, "uri", ""),
                                                            e.content[:2000] if e.content else "")
    except Exception as e:  # noqa: BLE001 - any failure ends the scenario with its step named
        scenario.summary["failed_step"] = scenario.current
        scenario.summary["error"] = "%s: %s" % (type(e).__name__, e)
        if not isinstance(e, ScenarioFailure):
            traceback.print_exc()
    if not scenario.summary["ok"]:
        print("FAILED at step %s: %s" % (scenario.current, scenario.summary["error"]), file=sys.stderr)
    print(json.dumps(scenario.summary, default=str), flush=True)
    sys.exit(0 if scenario.summary["ok"] else 1)
