"""Drives Skyport's Compute Engine API with Debian's stock Apache libcloud GCE driver (GCENodeDriver).

libcloud's GCE driver takes no host or port (GCEConnection passes them positionally onto
auth_type and credential_file), and always addresses accounts.google.com/o/oauth2/token and
www.googleapis.com/compute/v1. It is pointed at the server the one way its configuration allows:
the server is its proxy_url, over plain HTTP (secure=False). The service account is given as its
e-mail address and the key file, with auth_type="SA" (the server's addresses are not
*.gserviceaccount.com, from which libcloud would guess it), and the token cache file is a scratch one.

Environment:
  SKYPORT_GCE_BASE          the server's base URL, e.g. http://127.0.0.1:8080 (required)
  SKYPORT_GCE_KEY_FILE      a service-account key file (required)
  SKYPORT_GCE_ZONE          the zone to use (default: the first one listed)
  SKYPORT_GCE_PREFIX        prefix of the names the scenario creates (default gce-lc)
  SKYPORT_GCE_CHECKPOINTS   a directory: at each checkpoint NAME.json is written there and the
                            scenario waits for NAME.ack, whose JSON content it reads (optional)

Each observation is a JSON line {"event": ..., ...} on stdout; progress goes to stderr. The last
line on stdout is a summary {"ok": ..., "failed_step": ..., "error": ...}. Exits non-zero on the
first failure, naming the step.
"""
import json
import os
import sys
import tempfile
import traceback

import libcloud
from libcloud.compute.drivers.gce import GCENodeDriver
from libcloud.compute.types import NodeState

from gce_checkpoints import ScenarioFailure, checkpoint


class Scenario:
    def __init__(self):
        self.summary = {"client": "libcloud GCE driver", "version": libcloud.__version__, "python": sys.executable,
                        "ok": False, "steps": []}
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
            raise ScenarioFailure(message + (": " + " ".join(str(d) for d in detail) if detail else ""))


def node_view(node):
    items = (node.extra.get("metadata") or {}).get("items") or []
    return {"name": node.name, "state": node.state, "size": node.size,
            "zone": getattr(node.extra.get("zone"), "name", None), "private_ips": node.private_ips,
            "metadata": {i["key"]: i.get("value") for i in items}}


def main(s):
    base = os.environ["SKYPORT_GCE_BASE"].rstrip("/")
    key_file = os.environ["SKYPORT_GCE_KEY_FILE"]
    prefix = os.environ.get("SKYPORT_GCE_PREFIX", "gce-lc")
    with open(key_file) as f:
        key = json.load(f)
    project = key["project_id"]
    cache = tempfile.NamedTemporaryFile(prefix="libcloud-gce-token", delete=False)
    cache.close()
    os.remove(cache.name)

    s.step("driver (token grant, zones, regions)")
    driver = GCENodeDriver(key["client_email"], key_file, project=project, auth_type="SA", secure=False,
                           proxy_url=base, credential_file=cache.name)

    s.step("ex_list_zones")
    zones = driver.ex_list_zones()
    s.emit("zones", names=[z.name for z in zones], statuses=[z.status for z in zones])
    s.require(zones, "no zones")
    zone = os.environ.get("SKYPORT_GCE_ZONE") or zones[0].name

    s.step("list_sizes")
    sizes = driver.list_sizes(zone)
    s.emit("sizes", names=[z.name for z in sizes])
    s.require("small-instance" in [z.name for z in sizes], "no small-instance size", [z.name for z in sizes])

    s.step("list_images")
    images = driver.list_images(ex_project=project)
    s.emit("images", names=[i.name for i in images])
    s.require(images, "no images in project", project)

    name = prefix + "-a"
    script = "#!/bin/sh\necho started-by-libcloud"
    s.step("create_node")
    node = driver.create_node(name, "small-instance", images[0], location=zone,
                              ex_metadata={"role": "web", "startup-script": script})
    s.emit("created", **node_view(node))
    s.require(node.state == NodeState.RUNNING, "created node is not running", node.state)

    answer = checkpoint("running", {"instances": [name]})
    native = answer.get("native_vm")

    s.step("list_nodes")
    listed = sorted(n.name for n in driver.list_nodes(ex_zone=zone))
    s.emit("listed", names=listed, native_vm=native)
    s.require(name in listed, "created node not listed", listed)
    s.require(not native or native in listed, "natively deployed VM not listed", native, listed)

    s.step("ex_get_node")
    got = driver.ex_get_node(name, zone)
    view = node_view(got)
    s.emit("got", **view)
    s.require(view["metadata"].get("role") == "web", "metadata role", view["metadata"])
    s.require(view["metadata"].get("startup-script") == script, "metadata startup-script", view["metadata"])
    s.require(view["size"] == "small-instance", "size", view["size"])

    s.step("reboot_node")
    s.require(driver.reboot_node(got) is True, "reboot_node did not answer True")
    s.emit("rebooted", state=driver.ex_get_node(name, zone).state)

    s.step("stop_node")
    s.require(driver.ex_stop_node(got) is True, "ex_stop_node did not answer True")
    state = driver.ex_get_node(name, zone).state
    s.emit("stopped", state=state)
    s.require(state == NodeState.STOPPED, "stopped node state", state)
    checkpoint("stopped", {"instances": [name]})

    s.step("start_node")
    s.require(driver.ex_start_node(got) is True, "ex_start_node did not answer True")
    state = driver.ex_get_node(name, zone).state
    s.emit("started", state=state)
    s.require(state == NodeState.RUNNING, "started node state", state)

    s.step("destroy_node")
    gone = [name] + ([native] if native else [])
    for n in gone:
        s.require(driver.destroy_node(driver.ex_get_node(n, zone)) is True, "destroy_node did not answer True", n)
    left = sorted(n.name for n in driver.list_nodes(ex_zone=zone))
    s.emit("destroyed", left=left)
    s.require(not set(gone) & set(left), "destroyed nodes still listed", left)
    checkpoint("deleted", {"instances": gone})
    if os.path.exists(cache.name):
        os.remove(cache.name)


if __name__ == "__main__":
    scenario = Scenario()
    try:
        main(scenario)
        scenario.summary["ok"] = True
    except Exception as e:  # noqa: BLE001 - any failure ends the scenario with its step named
        scenario.summary["failed_step"] = scenario.current
        scenario.summary["error"] = "%s: %s" % (type(e).__name__, e)
        if not isinstance(e, ScenarioFailure):
            traceback.print_exc()
    if not scenario.summary["ok"]:
        print("FAILED at step %s: %s" % (scenario.current, scenario.summary["error"]), file=sys.stderr)
    print(json.dumps(scenario.summary, default=str), flush=True)
    sys.exit(0 if scenario.summary["ok"] else 1)
