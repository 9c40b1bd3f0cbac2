"""Drives Skyport's EC2 API with libcloud's stock Eucalyptus driver, unchanged (EC2 Query API
version 2016-11-15, Signature Version 2 over GET).

Environment:
  SKYPORT_EC2_ENDPOINT   the EC2 endpoint, e.g. http://127.0.0.1:8080/ec2 (required)
  AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY   the user's API key and secret key (required)
  SKYPORT_EC2_CHECKPOINTS  a directory: at each checkpoint NAME.json is written there and the
                         scenario waits for NAME.ack (optional)

Progress goes to stderr; the last line on stdout is a JSON summary. Exits non-zero on the first
failure, naming the step.
"""
import json
import os
import sys
import time
import traceback
from urllib.parse import urlparse

import libcloud
from libcloud.compute.base import NodeSize
from libcloud.compute.drivers.ec2 import NAMESPACE
from libcloud.compute.providers import get_driver
from libcloud.compute.types import NodeState, Provider
from libcloud.utils.xml import fixxpath

class ScenarioFailure(Exception):
    pass


def require(condition, message, *detail):
    if not condition:
        raise ScenarioFailure("%s%s" % (message, "" if not detail else ": " + json.dumps(detail, default=str)))


def checkpoint(name, data):
    folder = os.environ.get("SKYPORT_EC2_CHECKPOINTS")
    if not folder:
        return
    tmp = os.path.join(folder, name + ".json.tmp")
    with open(tmp, "w") as f:
        json.dump(data, f)
    os.rename(tmp, os.path.join(folder, name + ".json"))
    deadline = time.time() + 120
    while not os.path.exists(os.path.join(folder, name + ".ack")):
        require(time.time() < deadline, "checkpoint %s was not acknowledged" % name)
        time.sleep(0.1)


def main(summary, steps):
    u = urlparse(os.environ["SKYPORT_EC2_ENDPOINT"])
    cls = get_driver(Provider.EUCALYPTUS)
    driver = cls(os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"], secure=False,
                 host=u.hostname, port=u.port, path=u.path)
    summary["signature_version"] = driver.signature_version
    summary["api_version"] = driver.connection.version

    steps.append("list_sizes")
    sizes = driver.list_sizes()
    summary["sizes"] = [s.name for s in sizes]
    # The driver reads sizes from Eucalyptus's own DescribeInstanceTypes extension
    # (instanceTypeDetails in its namespace), which an AWS-shaped answer does not carry, so the
    # list may well be empty: the type names are then read from the AWS-shaped answer, through
    # the driver's own signed connection.
    if sizes:
        types = [s.id for s in sizes]
    else:
        answer = driver.connection.request(driver.path, params={"Action": "DescribeInstanceTypes"}).object
        types = [t.text for t in answer.findall(fixxpath(xpath="instanceTypeSet/item/instanceType",
                                                         namespace=NAMESPACE))]
    require(types, "no instance type listed")
    summary["instance_types"] = types
    instance_type = next((t for t in types if "small" in t.lower()), types[0])
    size = next((s for s in sizes if s.id == instance_type), None) or NodeSize(
        id=instance_type, name=instance_type, ram=0, disk=0, bandwidth=None, price=None, driver=driver)
    summary["instance_type"] = instance_type

    steps.append("list_images")
    images = driver.list_images()
    require(images, "no image listed")
    require(all(i.id.startswith("ami-") for i in images), "image ids", [i.id for i in images])
    summary["images"] = [i.id for i in images]

    steps.append("list_nodes_before")
    before = driver.list_nodes()
    summary["nodes_before"] = len(before)

    steps.append("create_node")
    name = "lc-euca-%x" % int(time.time() * 1000)
    node = driver.create_node(name=name, size=size, image=images[0])
    require(node.id.startswith("i-"), "node id", node.id)
    require(node.state in (NodeState.PENDING, NodeState.RUNNING), "node state", str(node.state))
    summary["node"] = {"id": node.id, "name": node.name, "state": str(node.state)}

    steps.append("list_nodes")
    deadline = time.time() + 120
    while True:
        listed = [n for n in driver.list_nodes() if n.id == node.id]
        require(len(listed) == 1, "the new node is listed once", [n.id for n in listed])
        if listed[0].state == NodeState.RUNNING or time.time() > deadline:
            break
        time.sleep(1)
    found = listed[0]
    require(found.state == NodeState.RUNNING, "the node runs", str(found.state))
    require(found.extra.get("tags", {}).get("Name") == name, "Name tag", found.extra.get("tags"))
    require(found.extra.get("instance_type") == instance_type, "instance type", found.extra.get("instance_type"))
    require(found.private_ips, "private address", found.private_ips)
    summary["listed"] = {"state": str(found.state), "name": found.name, "private_ips": found.private_ips,
                         "instance_type": found.extra.get("instance_type"),
                         "availability": found.extra.get("availability")}
    checkpoint("running", {"instances": [node.id], "name": name})

    steps.append("destroy_node")
    require(driver.destroy_node(found) is True, "destroy_node")
    deadline = time.time() + 120
    while True:
        after = [n for n in driver.list_nodes() if n.id == node.id]
        states = [str(n.state) for n in after]
        if all(n.state == NodeState.TERMINATED for n in after) or time.time() > deadline:
            break
        time.sleep(1)
    summary["after_destroy"] = states
    require(all(n.state == NodeState.TERMINATED for n in after), "the destroyed node is terminated", states)
    checkpoint("terminated", {"instances": [node.id], "name": name})


if __name__ == "__main__":
    steps = []
    summary = {"client": "libcloud-eucalyptus", "libcloud": libcloud.__version__, "ok": False, "steps": steps}
    try:
        main(summary, steps)
        summary["ok"] = True
    except Exception as e:  # noqa: BLE001 - any failure of the client is the scenario's failure
        summary["failed_step"] = steps[-1] if steps else "start"
        summary["error"] = "%s: %s" % (type(e).__name__, e)
        if not isinstance(e, ScenarioFailure):
            traceback.print_exc()
        print("FAILED at step %s: %s" % (summary["failed_step"], summary["error"]), file=sys.stderr)
    print(json.dumps(summary, default=str), flush=True)
    sys.exit(0 if summary["ok"] else 1)
