"""Drives Skyport with libcloud's stock CloudStack driver, unchanged.

Usage: python3 libcloud_cloudstack.py URL APIKEY SECRET
Prints one JSON object per step on stdout; exits non-zero on the first failure.
"""
import json
import sys
import time
from urllib.parse import urlparse

from libcloud.compute.providers import get_driver
from libcloud.compute.types import NodeState, Provider


def step(step_name, **data):
    print(json.dumps(dict(step=step_name, **data)), flush=True)


def main():
    url, key, secret = sys.argv[1:4]
    u = urlparse(url)
    cls = get_driver(Provider.CLOUDSTACK)
    driver = cls(key=key, secret=secret, host=u.hostname, port=u.port, path=u.path, secure=False)

    locations = driver.list_locations()
    sizes = driver.list_sizes()
    images = driver.list_images()
    step("catalog", locations=[l.name for l in locations], sizes=[s.name for s in sizes],
         images=[i.name for i in images])

    suffix = str(int(time.time() * 1000))
    keypair = driver.create_key_pair("lc-key-" + suffix)
    step("keypair", name=keypair.name, fingerprint=keypair.fingerprint,
         has_private_key=bool(keypair.private_key))
    group = driver.ex_create_security_group("lc-sg-" + suffix, description="libcloud scenario")
    step("security_group", name=group["name"], id=group["id"])

    size = [s for s in sizes if s.name == "Small Instance"][0]
    node = driver.create_node(name="lc-node-" + suffix, size=size, image=images[0], location=locations[0],
                              ex_keyname=keypair.name, ex_userdata="#cloud-config\nhostname: lc\n",
                              ex_security_groups=[group["name"]], ex_start_vm=True)
    step("created", id=node.id, name=node.name, state=str(node.state),
         addresses=node.private_ips + node.public_ips)

    listed = [n for n in driver.list_nodes() if n.id == node.id]
    step("listed", count=len(listed), state=str(listed[0].state) if listed else None,
         security_groups=listed[0].extra.get("security_group") if listed else None,
         key_name=listed[0].extra.get("key_name") if listed else None)

    step("rebooted", ok=driver.reboot_node(node))
    step("destroyed", ok=driver.destroy_node(node))
    remaining = [n for n in driver.list_nodes() if n.id == node.id]
    step("after_destroy", states=[str(n.state) for n in remaining],
         running=[n.state == NodeState.RUNNING for n in remaining])


if __name__ == "__main__":
    main()
