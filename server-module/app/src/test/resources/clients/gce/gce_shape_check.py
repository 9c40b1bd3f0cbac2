"""Checks Compute Engine v1 JSON bodies against the message classes gcloud ships.

The Google Cloud SDK carries apitools message classes generated from Google's own discovery
document for Compute v1 (googlecloudsdk/generated_clients/apis/compute/v1/compute_v1_messages.py),
an independent definition of every response. Each body is walked field by field against its
message class, and then decoded with apitools' JsonToMessage as gcloud decodes it:

  - a field the message does not have (at any depth) fails, as does anything apitools could not
    place (all_unrecognized_fields());
  - a value of the wrong JSON type fails: int64/uint64 must be decimal strings (as Google writes
    them), int32/uint32 JSON integers, booleans true/false, bytes base64 strings, messages objects,
    repeated fields arrays, maps objects of their value type;
  - an enum value the model does not list fails.

Usage (run with the SDK's Python; --sdk or CLOUDSDK_ROOT_DIR names the SDK, else the one of the
gcloud on PATH):
    gce_shape_check.py [--sdk DIR] [--placeholders] TARGET FILE [TARGET FILE ...]
TARGET is a method id (compute.instances.get: its response type is read from the generated
client) or a message type name (Operation, InstanceAggregatedList). FILE is a JSON body, or '-'
for standard input. With --placeholders a string holding {name} placeholders (golden fixtures)
passes where a string, an int64 string or an enum value is expected, and "{progress}" where a
number is, and a member name may end with '?' (optional in a fixture). Exit status 0 when every body passes, 1 when one fails (each problem is printed with
its path), 2 on bad usage.
"""

import base64
import json
import os
import re
import shutil
import sys

PLACEHOLDER = re.compile(r"\{[A-Za-z]+[0-9]*\}")
NUMERIC_PLACEHOLDERS = {"{progress}"}


def sdk_root(explicit):
    if explicit:
        return explicit
    if os.environ.get("CLOUDSDK_ROOT_DIR"):
        return os.environ["CLOUDSDK_ROOT_DIR"]
    gcloud = shutil.which("gcloud")
    if gcloud:
        return os.path.dirname(os.path.dirname(os.path.realpath(gcloud)))
    return "/usr/lib/google-cloud-sdk"


def load_sdk(root):
    for sub in ("lib/third_party", "lib"):
        path = os.path.join(root, sub)
        if path not in sys.path:
            sys.path.insert(0, path)
    from apitools.base.protorpclite import messages
    from apitools.base.py import encoding, encoding_helper
    encoding.UNRECOGNIZED_FIELD_MAPPINGS = encoding_helper._UNRECOGNIZED_FIELD_MAPPINGS
    from googlecloudsdk.generated_clients.apis.compute.v1 import compute_v1_client, compute_v1_messages
    return messages, encoding, compute_v1_client, compute_v1_messages


class Checker(object):
    def __init__(self, messages, encoding, client_module, model, placeholders):
        self.messages = messages
        self.encoding = encoding
        self.model = model
        self.placeholders = placeholders
        self.methods = {}
        client = client_module.ComputeV1(get_credentials=False, url="http://localhost/compute/v1/")
        for name in dir(client):
            service = getattr(client, name)
            if isinstance(service, type) or not hasattr(service, "GetMethodsList"):
                continue
            try:
                method_names = service.GetMethodsList()
            except Exception:  # not a service
                continue
            for m in method_names:
                config = service.GetMethodConfig(m)
                self.methods[config.method_id] = config.response_type_name

    def message_type(self, target):
        name = self.methods.get(target, target) if target.startswith("compute.") else target
        if target.startswith("compute.") and target not in self.methods:
            raise KeyError("gcloud's Compute v1 client has no method %s" % target)
        cls = getattr(self.model, name, None)
        if cls is None or not isinstance(cls, type) or not issubclass(cls, self.messages.Message):
            raise KeyError("gcloud's Compute v1 model has no message %s" % name)
        return cls

    def json_name(self, cls, field):
        mapped = self.encoding.GetCustomJsonFieldMapping(cls, python_name=field.name)
        return mapped or field.name

    def is_placeholder(self, value):
        return self.placeholders and isinstance(value, str) and PLACEHOLDER.search(value) is not None

    def walk(self, cls, value, path, problems):
        if not isinstance(value, dict):
            problems.append("%s: %s is not an object (%s)" % (path, kind(value), cls.__name__))
            return
        map_field = self.encoding.UNRECOGNIZED_FIELD_MAPPINGS.get(cls)
        if map_field:
            pair = cls.field_by_name(map_field).type
            value_field = pair.field_by_name("value")
            for key, item in value.items():
                self.field(value_field, item, "%s.%s" % (path, key), problems, in_repeated=False)
            return
        fields = {self.json_name(cls, f): f for f in cls.all_fields()}
        for key, item in value.items():
            if self.placeholders and key.endswith("?"):
                key = key[:-1]  # a fixture's optional member
            field = fields.get(key)
            if field is None:
                problems.append("%s.%s: unknown field (%s has no such field)" % (path, key, cls.__name__))
                continue
            self.field(field, item, "%s.%s" % (path, key), problems, in_repeated=False)

    def field(self, field, value, path, problems, in_repeated):
        m = self.messages
        if field.repeated and not in_repeated:
            if not isinstance(value, list):
                problems.append("%s: %s where an array is expected" % (path, kind(value)))
                return
            for i, item in enumerate(value):
                self.field(field, item, "%s[%d]" % (path, i), problems, in_repeated=True)
            return
        if isinstance(field, m.MessageField):
            self.walk(field.type, value, path, problems)
        elif isinstance(field, m.EnumField):
            names = set(field.type.names())
            if not isinstance(value, str):
                problems.append("%s: %s where a %s value (string) is expected" % (path, kind(value),
                                                                                 field.type.__name__))
            elif value not in names and not self.is_placeholder(value):
                problems.append("%s: '%s' is not one of %s's values" % (path, value, field.type.__name__))
        elif isinstance(field, m.BooleanField):
            if not isinstance(value, bool):
                problems.append("%s: %s where a boolean is expected" % (path, kind(value)))
        elif isinstance(field, m.IntegerField):
            if field.variant in (m.Variant.INT64, m.Variant.UINT64, m.Variant.SINT64):
                ok = isinstance(value, str) and (re.fullmatch(r"-?\d+", value) or self.is_placeholder(value))
                if not ok:
                    problems.append("%s: %s where an int64 as a decimal string is expected" % (path, show(value)))
            elif not (is_int(value) or (self.placeholders and value in NUMERIC_PLACEHOLDERS)):
                problems.append("%s: %s where an integer (%s) is expected" % (path, show(value), field.variant))
        elif isinstance(field, m.FloatField):
            if not (isinstance(value, (int, float)) and not isinstance(value, bool)):
                problems.append("%s: %s where a number is expected" % (path, show(value)))
        elif isinstance(field, m.BytesField):
            if not isinstance(value, str):
                problems.append("%s: %s where base64 bytes are expected" % (path, show(value)))
            elif not self.is_placeholder(value):
                try:
                    base64.b64decode(value.replace("-", "+").replace("_", "/"), validate=True)
                except Exception:
                    problems.append("%s: '%s' is not base64" % (path, value))
        elif isinstance(field, m.StringField):
            if not isinstance(value, str):
                problems.append("%s: %s where a string is expected" % (path, show(value)))
        else:
            problems.append("%s: field type %s not handled" % (path, type(field).__name__))

    def decode(self, cls, text, problems):
        """Decodes as gcloud does; reports what apitools could not place."""
        try:
            msg = self.encoding.JsonToMessage(cls, text)
        except Exception as e:
            problems.append("$: apitools cannot decode it as %s: %s" % (cls.__name__, e))
            return
        self.unrecognized(msg, "$", problems)

    def unrecognized(self, msg, path, problems):
        for name in msg.all_unrecognized_fields():
            problems.append("%s.%s: not recognized by apitools (%s)" % (path, name, type(msg).__name__))
        for field in msg.all_fields():
            if not isinstance(field, self.messages.MessageField):
                continue
            value = msg.get_assigned_value(field.name)
            if value is None:
                continue
            items = value if field.repeated else [value]
            for i, item in enumerate(items):
                if isinstance(item, self.messages.Message):
                    sub = "%s.%s%s" % (path, field.name, "[%d]" % i if field.repeated else "")
                    self.unrecognized(item, sub, problems)

    def check(self, target, text):
        cls = self.message_type(target)
        problems = []
        try:
            body = json.loads(text)
        except ValueError as e:
            return cls, ["$: not JSON: %s" % e]
        self.walk(cls, body, "$", problems)
        if not self.placeholders:
            self.decode(cls, text, problems)
        return cls, problems


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def kind(value):
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    return "number"


def show(value):
    return "%s %s" % (kind(value), json.dumps(value))


def main(argv):
    args = list(argv)
    sdk = None
    placeholders = False
    while args and args[0].startswith("--"):
        opt = args.pop(0)
        if opt == "--sdk" and args:
            sdk = args.pop(0)
        elif opt == "--placeholders":
            placeholders = True
        else:
            print("unknown option %s" % opt, file=sys.stderr)
            return 2
    if not args or len(args) % 2:
        print(__doc__, file=sys.stderr)
        return 2
    messages, encoding, client, model = load_sdk(sdk_root(sdk))
    checker = Checker(messages, encoding, client, model, placeholders)
    failed = False
    for target, name in zip(args[0::2], args[1::2]):
        text = sys.stdin.read() if name == "-" else open(name, encoding="utf-8").read()
        try:
            cls, problems = checker.check(target, text)
        except KeyError as e:
            print("%s: %s" % (name, e.args[0]))
            failed = True
            continue
        if problems:
            failed = True
            for p in problems:
                print("%s (%s as %s): %s" % (name, target, cls.__name__, p))
        else:
            print("%s: ok (%s as %s)" % (name, target, cls.__name__))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
