"""What the Python GCE client scenarios share with the test that runs them: the failure a check
raises, and the checkpoint handshake through files in $SKYPORT_GCE_CHECKPOINTS (the scenario
writes NAME.json and waits for the test's NAME.ack, which may carry an answer as JSON)."""
import json
import os
import time


class ScenarioFailure(Exception):
    pass


def checkpoint(name, data):
    """Hands the test a checkpoint and returns what it answers (an object, possibly empty)."""
    folder = os.environ.get("SKYPORT_GCE_CHECKPOINTS")
    if not folder:
        return {}
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
    with open(ack) as f:
        text = f.read().strip()
    return json.loads(text) if text.startswith("{") else {}
