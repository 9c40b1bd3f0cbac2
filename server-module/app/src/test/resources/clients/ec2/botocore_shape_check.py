"""Checks raw EC2 Query API response bodies against botocore's EC2 service model.

botocore's own parser is lenient: it silently drops elements it does not know and turns a
malformed boolean into False. This checker is strict, so a response that a client would
mis-read without any error is caught:

- success bodies: the root element is ``{Operation}Response`` in the namespace
  ``http://ec2.amazonaws.com/doc/2016-11-15/`` with a non-empty ``requestId``; every other
  element is a member of the operation's output shape, named as botocore's EC2 parser looks
  it up (the member's ``locationName`` when the model gives one, else the member name as is);
  list entries are ``<item>`` (or the list member's ``locationName``); scalars parse as their
  type (integer/long in range, boolean exactly ``true``/``false``, timestamps ISO 8601,
  doubles, base64 blobs, enum strings within the enum); required members are present; no
  scalar member appears twice; structures and lists hold no text of their own.
- error bodies: ``<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>``
  with a non-empty Code, Message and RequestID.

Operations without an output shape in the model may answer ``<return>true|false</return>``,
as EC2 does. Output members that EC2 added after an older botocore's model (LATER_MEMBERS) are
accepted, with their type checked, only when the loaded model has no output for the operation.

Usage as a module: ``check(operation, body, status=200)`` returns a list of violations.
Standalone: ``python3 botocore_shape_check.py [--open-enum SHAPE] [--placeholders] OPERATION FILE...``
prints the violations of each saved XML body and exits 1 if there is any. OPERATION ``-`` takes
each file's operation from its name, up to the first dot (``DescribeInstances.NotFound.xml``).
``--placeholders`` accepts a scalar that is a template placeholder such as ``{timestamp}`` as a
value of any type, for response templates with variable parts.
"""
import base64
import binascii
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

import botocore
import botocore.loaders
import botocore.model

NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/"
_ISO8601 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_PLACEHOLDER = re.compile(r"^\{[A-Za-z][A-Za-z0-9_]*\}$")
_RANGES = {"integer": (-2 ** 31, 2 ** 31 - 1), "long": (-2 ** 63, 2 ** 63 - 1)}

_model = None

# Output members of operations that older models (e.g. botocore 1.29) describe without any
# output, which EC2 and current models have: element name -> botocore type.
LATER_MEMBERS = {
    "DeleteKeyPair": {"keyPairId": "string"},
    "DeleteSecurityGroup": {"groupId": "string"},
}


def load_model():
    """botocore's EC2 service model, loaded once."""
    global _model
    if _model is None:
        _model = botocore.model.ServiceModel(botocore.loaders.Loader().load_service_model("ec2", "service-2"))
    return _model


def model_version():
    return botocore.__version__


def _split(tag):
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return None, tag


def _text(node):
    return node.text or ""


def _xml_name(member_name, member_shape):
    """The element name botocore's EC2 parser looks up for a member (BaseXMLResponseParser._member_key_name)."""
    if member_shape.type_name == "list" and member_shape.serialization.get("flattened"):
        name = member_shape.member.serialization.get("name")
        if name is not None:
            return name
    return member_shape.serialization.get("name") or member_name


class _Walker:
    def __init__(self, open_enums, placeholders=False):
        self.open_enums = set(open_enums or ())
        self.placeholders = placeholders
        self.violations = []

    def fail(self, path, message):
        self.violations.append("%s: %s" % (path, message))

    def element(self, node, path):
        ns, local = _split(node.tag)
        if ns != NAMESPACE:
            self.fail(path, "element <%s> is in namespace %r, not %r" % (local, ns, NAMESPACE))
        return local

    def no_text(self, node, path):
        if _text(node).strip():
            self.fail(path, "has text %r where only child elements belong" % _text(node).strip()[:60])
        for child in node:
            if (child.tail or "").strip():
                self.fail(path, "has text %r between child elements" % child.tail.strip()[:60])

    def structure(self, shape, node, path, extra=None):
        """Checks a structure's children; extra: {element name: checker} allowed besides the members."""
        self.no_text(node, path)
        by_xml = {}
        for member_name, member_shape in shape.members.items():
            if "location" in member_shape.serialization:
                continue
            by_xml[_xml_name(member_name, member_shape)] = (member_name, member_shape)
        seen = {}
        for child in node:
            local = self.element(child, path)
            child_path = "%s/%s" % (path, local)
            seen[local] = seen.get(local, 0) + 1
            if extra and local in extra:
                extra[local](child, child_path)
                continue
            if local not in by_xml:
                self.fail(child_path, "unknown element (no member of %s is named %r)" % (shape.name, local))
                continue
            member_name, member_shape = by_xml[local]
            flattened = member_shape.type_name == "list" and member_shape.serialization.get("flattened")
            if seen[local] == 2 and not flattened:
                self.fail(child_path, "appears more than once")
            self.value(member_shape, child, child_path)
        for required in shape.required_members:
            member_shape = shape.members[required]
            if _xml_name(required, member_shape) not in seen:
                self.fail(path, "required member %s (<%s>) missing" % (required, _xml_name(required, member_shape)))

    def value(self, shape, node, path):
        kind = shape.type_name
        if kind == "structure":
            self.structure(shape, node, path)
        elif kind == "list":
            self.no_text(node, path)
            allowed = {"item"}
            if shape.member.serialization.get("name"):
                allowed.add(shape.member.serialization["name"])
            for i, child in enumerate(node):
                local = self.element(child, path)
                child_path = "%s/%s[%d]" % (path, local, i + 1)
                if local not in allowed:
                    self.fail(child_path, "list entry must be <%s>" % "> or <".join(sorted(allowed)))
                    continue
                self.value(shape.member, child, child_path)
        elif kind == "map":
            self.no_text(node, path)
            key_name = shape.key.serialization.get("name") or "key"
            value_name = shape.value.serialization.get("name") or "value"
            for i, entry in enumerate(node):
                entry_path = "%s/entry[%d]" % (path, i + 1)
                for part in entry:
                    local = self.element(part, entry_path)
                    if local == key_name:
                        self.value(shape.key, part, entry_path + "/" + local)
                    elif local == value_name:
                        self.value(shape.value, part, entry_path + "/" + local)
                    else:
                        self.fail(entry_path + "/" + local, "unknown map entry element")
        else:
            self.scalar(shape, node, path)

    def scalar(self, shape, node, path):
        if len(node):
            self.fail(path, "%s value has child elements <%s>" % (shape.type_name, _split(node[0].tag)[1]))
            return
        text = _text(node)
        kind = shape.type_name
        if self.placeholders and _PLACEHOLDER.match(text):
            return
        if kind in ("integer", "long"):
            low, high = _RANGES[kind]
            if not _INTEGER.match(text) or not low <= int(text) <= high:
                self.fail(path, "%r is not a%s %s" % (text, "n" if kind == "integer" else "", kind))
        elif kind == "boolean":
            if text not in ("true", "false"):
                self.fail(path, "%r is not a boolean (true or false)" % text)
        elif kind == "timestamp":
            if not _ISO8601.match(text):
                self.fail(path, "%r is not an ISO 8601 timestamp" % text)
        elif kind in ("float", "double"):
            try:
                float(text)
            except ValueError:
                self.fail(path, "%r is not a %s" % (text, kind))
        elif kind == "blob":
            try:
                base64.b64decode(text, validate=True)
            except (binascii.Error, ValueError):
                self.fail(path, "%r is not base64" % text[:60])
        elif kind == "string":
            enum = getattr(shape, "enum", None) or []
            if enum and shape.name not in self.open_enums and text not in enum:
                self.fail(path, "%r is not one of %s's values %s" % (
                    text, shape.name, enum if len(enum) <= 12 else enum[:12] + ["..."]))


def _check_error(root, walker):
    path = "/Response"
    ns, local = _split(root.tag)
    if local != "Response":
        walker.fail("/" + local, "an error body's root must be <Response>")
        return
    found = {}
    for child in root:
        name = _split(child.tag)[1]
        found[name] = found.get(name, 0) + 1
        if name not in ("Errors", "RequestID"):
            walker.fail(path + "/" + name, "unknown element in an error body")
    request_ids = [c for c in root if _split(c.tag)[1] == "RequestID"]
    if len(request_ids) != 1 or not _text(request_ids[0]).strip():
        walker.fail(path, "exactly one non-empty <RequestID> expected")
    errors = [c for c in root if _split(c.tag)[1] == "Errors"]
    if len(errors) != 1:
        walker.fail(path, "exactly one <Errors> expected")
        return
    entries = list(errors[0])
    if not entries:
        walker.fail(path + "/Errors", "no <Error>")
    for i, error in enumerate(entries):
        error_path = "%s/Errors/%s[%d]" % (path, _split(error.tag)[1], i + 1)
        if _split(error.tag)[1] != "Error":
            walker.fail(error_path, "only <Error> belongs in <Errors>")
            continue
        fields = {}
        for field in error:
            name = _split(field.tag)[1]
            if name in fields:
                walker.fail(error_path + "/" + name, "appears more than once")
            fields[name] = _text(field)
        for required in ("Code", "Message"):
            if not fields.get(required, "").strip():
                walker.fail(error_path, "non-empty <%s> missing" % required)


def error_code(body):
    """The first <Code> of an EC2 error body, or None."""
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        return None
    for node in root.iter():
        if _split(node.tag)[1] == "Code":
            return _text(node)
    return None


def check(operation, body, status=200, open_enums=(), model=None, placeholders=False):
    """Violations (a list of strings, empty when the body is well-formed) of one response body."""
    model = model or load_model()
    walker = _Walker(open_enums, placeholders)
    if isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError as e:
            return ["body is not UTF-8: %s" % e]
    if not body.strip():
        return ["empty body (HTTP %s)" % status]
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as e:
        return ["not well-formed XML (%s): %r" % (e, body[:200])]
    ns, local = _split(root.tag)
    if status is not None and int(status) >= 300 or local == "Response":
        if status is not None and int(status) < 300:
            walker.fail("/" + local, "an error body came with HTTP %s" % status)
        _check_error(root, walker)
        return walker.violations
    try:
        op = model.operation_model(operation)
    except Exception:  # botocore raises OperationNotFoundError
        return ["%s is not an operation of botocore %s's EC2 model" % (operation, model_version())]
    expected_root = operation + "Response"
    path = "/" + local
    if local != expected_root:
        walker.fail(path, "root element must be <%s>" % expected_root)
    walker.element(root, path)

    def request_id(node, node_path):
        if len(node) or not _text(node).strip():
            walker.fail(node_path, "requestId must be a non-empty string")

    def returned(node, node_path):
        walker.scalar(botocore.model.Shape("Boolean", {"type": "boolean"}), node, node_path)

    extra = {"requestId": request_id}
    shape = op.output_shape
    if shape is None:
        extra["return"] = returned
        for name, kind in LATER_MEMBERS.get(operation, {}).items():
            later = botocore.model.Shape(name, {"type": kind})
            extra[name] = lambda node, node_path, later=later: walker.scalar(later, node, node_path)
        shape = botocore.model.StructureShape("Empty", {"type": "structure", "members": {}})
    walker.structure(shape, root, path, extra)
    if sum(1 for c in root if _split(c.tag)[1] == "requestId") != 1:
        walker.fail(path, "exactly one <requestId> expected")
    return walker.violations


def main(argv):
    open_enums = []
    placeholders = False
    while argv and argv[0].startswith("--"):
        if argv[0] == "--open-enum" and len(argv) >= 2:
            open_enums.append(argv[1])
            argv = argv[2:]
        elif argv[0] == "--placeholders":
            placeholders = True
            argv = argv[1:]
        else:
            break
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: botocore_shape_check.py [--open-enum SHAPE] [--placeholders] OPERATION|- FILE...",
              file=sys.stderr)
        return 2
    bad = 0
    for name in argv[1:]:
        operation = argv[0] if argv[0] != "-" else os.path.basename(name).split(".")[0]
        with open(name, "rb") as f:
            body = f.read()
        is_error = b"<Response>" in body[:200] or b"<Response " in body[:200]
        violations = check(operation, body, status=400 if is_error else 200, open_enums=open_enums,
                           placeholders=placeholders)
        for v in violations:
            print("%s: %s" % (name, v))
        bad += len(violations)
        if not violations:
            print("%s: ok (%s against botocore %s)" % (name, operation, model_version()))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
