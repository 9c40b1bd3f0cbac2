#!/usr/bin/env bash
# Drives Skyport's EC2 API with the stock AWS CLI (v1 or v2), configured only by --endpoint-url,
# --region and the AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY environment variables.
#
# Environment:
#   AWS                       the aws binary to run (default: aws on PATH)
#   SKYPORT_EC2_ENDPOINT      the EC2 endpoint, e.g. http://127.0.0.1:8080/ec2 (required)
#   SKYPORT_EC2_REGION        region name (default skyport-1)
#   SKYPORT_EC2_ZONE          availability zone expected (default Sandbox-simulator)
#   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY   the user's API key and secret key (required)
#   SKYPORT_EC2_OTHER_ACCESS_KEY, SKYPORT_EC2_OTHER_SECRET_KEY   another account's keys (optional):
#                             that account must not see this scenario's instances
#   SKYPORT_EC2_CHECKPOINTS   a directory: at each checkpoint NAME.json is written there and the
#                             scenario waits for NAME.ack (optional)
#
# Needs jq. Progress goes to stderr; the last line on stdout is a JSON summary. Exits non-zero on
# the first failure, naming the step.
# A failing step inside $(...) exits that subshell; errexit then ends the scenario too.
set -euo pipefail
# The summary goes to the scenario's stdout even from inside $(...).
exec 3>&1

AWS_BIN=${AWS:-aws}
ENDPOINT=${SKYPORT_EC2_ENDPOINT:?SKYPORT_EC2_ENDPOINT is required}
REGION=${SKYPORT_EC2_REGION:-skyport-1}
ZONE=${SKYPORT_EC2_ZONE:-Sandbox-simulator}
: "${AWS_ACCESS_KEY_ID:?AWS_ACCESS_KEY_ID is required}" "${AWS_SECRET_ACCESS_KEY:?AWS_SECRET_ACCESS_KEY is required}"

WORK=$(mktemp -d)
# Nothing but this scenario's settings configures the CLI.
export AWS_CONFIG_FILE=$WORK/config AWS_SHARED_CREDENTIALS_FILE=$WORK/credentials
: >"$AWS_CONFIG_FILE"
: >"$AWS_SHARED_CREDENTIALS_FILE"
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_DEFAULT_REGION AWS_REGION AWS_SESSION_TOKEN AWS_ENDPOINT_URL \
  AWS_CA_BUNDLE AWS_DEFAULT_OUTPUT
export AWS_PAGER=""

SUFFIX=$(printf '%x%04x' "$(date +%s)" $(($$ % 65536)))
STEP=start
STEPS=()
SUMMARY='{}'
IDS=()
KEY_NAME=""
GROUP_ID=""

note() { SUMMARY=$(jq -c --argjson v "$2" ". + {\"$1\": \$v}" <<<"$SUMMARY"); }
note_s() { SUMMARY=$(jq -c --arg v "$2" ". + {\"$1\": \$v}" <<<"$SUMMARY"); }
step() {
  STEP=$1
  STEPS+=("$1")
  echo "step: $1" >&2
}

finish() {
  local ok=$1 error=${2:-}
  local steps
  steps=$(printf '%s\n' "${STEPS[@]}" | jq -R . | jq -cs .)
  SUMMARY=$(jq -c --arg client "aws-cli" --arg version "$("$AWS_BIN" --version 2>&1 | head -1)" \
    --argjson ok "$ok" --argjson steps "$steps" --arg step "$STEP" --arg error "$error" \
    '. + {client: $client, version: $version, ok: $ok, steps: $steps}
       + (if $ok then {} else {failed_step: $step, error: $error} end)' <<<"$SUMMARY")
  echo "$SUMMARY" >&3
}

cleanup() {
  if [ ${#IDS[@]} -gt 0 ]; then ec2 terminate-instances --instance-ids "${IDS[@]}" >/dev/null 2>&1; fi
  if [ -n "$KEY_NAME" ]; then ec2 delete-key-pair --key-name "$KEY_NAME" >/dev/null 2>&1; fi
  rm -rf "$WORK"
}

fail() {
  echo "FAILED at step $STEP: $*" >&2
  finish false "$*"
  cleanup
  exit 1
}

# Runs aws ec2 SUBCOMMAND ... with JSON output; prints stdout; fails the scenario when it fails.
ec2() {
  "$AWS_BIN" ec2 "$@" --endpoint-url "$ENDPOINT" --region "$REGION" --output json
}
call() {
  local out
  if ! out=$(ec2 "$@" 2>"$WORK/stderr"); then
    fail "aws ec2 $1 failed: $(tr '\n' ' ' <"$WORK/stderr")"
  fi
  printf '%s' "$out"
}
# Expects aws ec2 ... to fail with the given error code.
expect_error() {
  local code=$1
  shift
  if ec2 "$@" >"$WORK/out" 2>"$WORK/stderr"; then
    fail "aws ec2 $1 succeeded, expected error $code: $(cat "$WORK/out")"
  fi
  grep -q "($code)" "$WORK/stderr" || fail "aws ec2 $1: expected error $code, got: $(tr '\n' ' ' <"$WORK/stderr")"
}
require() {
  local what=$1
  shift
  "$@" || fail "$what"
}
# jq -e over a JSON document: require_jq WHAT JSON FILTER [jq args]
require_jq() {
  local what=$1 json=$2 filter=$3
  shift 3
  jq -e "$@" "$filter" <<<"$json" >/dev/null || fail "$what: $(head -c 2000 <<<"$json")"
}
wait_for() {
  local waiter=$1
  shift
  ec2 wait "$waiter" --instance-ids "$@" 2>"$WORK/stderr" || fail "aws ec2 wait $waiter: $(tr '\n' ' ' <"$WORK/stderr")"
}
checkpoint() {
  local dir=${SKYPORT_EC2_CHECKPOINTS:-}
  [ -n "$dir" ] || return 0
  printf '%s' "$2" >"$dir/$1.json.tmp" && mv "$dir/$1.json.tmp" "$dir/$1.json"
  for _ in $(seq 1 1200); do
    [ -e "$dir/$1.ack" ] && return 0
    sleep 0.1
  done
  fail "checkpoint $1 was not acknowledged"
}
ids_json() { printf '%s\n' "$@" | jq -R . | jq -cs .; }

step describe-regions
out=$(call describe-regions)
require_jq "region $REGION listed" "$out" '[.Regions[].RegionName] | index($r) != null' --arg r "$REGION"
note regions "$(jq -c '[.Regions[].RegionName]' <<<"$out")"

step describe-availability-zones
out=$(call describe-availability-zones)
require_jq "zone $ZONE listed" "$out" '[.AvailabilityZones[].ZoneName] | index($z) != null' --arg z "$ZONE"
note zones "$(jq -c '[.AvailabilityZones[].ZoneName]' <<<"$out")"

step describe-images
out=$(call describe-images)
require_jq "an available image" "$out" '.Images | length > 0 and (.[0].State == "available")'
IMAGE=$(jq -r '.Images[0].ImageId' <<<"$out")
[[ $IMAGE =~ ^ami-[0-9a-f]{17}$ ]] || fail "image id $IMAGE is not ami-<17 hex>"
note_s image "$IMAGE"

step describe-instance-types
out=$(call describe-instance-types)
TYPE=$(jq -r '[.InstanceTypes[].InstanceType] | (map(select(ascii_downcase | contains("small"))) + .)[0]' \
  <<<"$out")
[ -n "$TYPE" ] && [ "$TYPE" != null ] || fail "no instance type listed"
note_s instance_type "$TYPE"

step import-key-pair
KEY=$WORK/id_rsa
ssh-keygen -q -t rsa -b 2048 -N "" -C skyport-ec2-scenario -f "$KEY" >/dev/null || fail "ssh-keygen failed"
FINGERPRINT=$(ssh-keygen -E md5 -l -f "$KEY.pub" | awk '{print $2}' | sed 's/^MD5://')
# v1 reads the blob as given; v2 expects blob arguments base64-encoded unless given as fileb://
out=$(call import-key-pair --key-name "ci-key-$SUFFIX" --public-key-material "fileb://$KEY.pub")
KEY_NAME=ci-key-$SUFFIX
require_jq "ImportKeyPair fingerprint is the key's MD5 ($FINGERPRINT)" "$out" \
  '.KeyName == $k and .KeyFingerprint == $f' --arg k "$KEY_NAME" --arg f "$FINGERPRINT"
out=$(call describe-key-pairs --key-names "$KEY_NAME")
require_jq "DescribeKeyPairs" "$out" '[.KeyPairs[].KeyName] == [$k]' --arg k "$KEY_NAME"

step create-security-group
GROUP_NAME=ci-sg-$SUFFIX
out=$(call create-security-group --group-name "$GROUP_NAME" --description "aws cli scenario")
GROUP_ID=$(jq -r .GroupId <<<"$out")
[[ $GROUP_ID == sg-* ]] || fail "security group id $GROUP_ID"
call authorize-security-group-ingress --group-id "$GROUP_ID" --protocol tcp --port 22 --cidr 0.0.0.0/0 >/dev/null
call authorize-security-group-ingress --group-id "$GROUP_ID" --ip-permissions \
  "IpProtocol=tcp,FromPort=8080,ToPort=8090,UserIdGroupPairs=[{GroupId=$GROUP_ID}]" >/dev/null
out=$(call describe-security-groups --group-ids "$GROUP_ID")
require_jq "both ingress rules listed" "$out" '.SecurityGroups[0].IpPermissions as $p
  | ($p | any(.FromPort == 22 and .ToPort == 22 and any(.IpRanges[]; .CidrIp == "0.0.0.0/0")))
    and ($p | any(.FromPort == 8080 and .ToPort == 8090 and any(.UserIdGroupPairs[]; .GroupId == $g)))' \
  --arg g "$GROUP_ID"
note_s group "$GROUP_ID"

step run-instances
NAME=ci-vm-$SUFFIX
out=$(call run-instances --image-id "$IMAGE" --instance-type "$TYPE" --count 2 --key-name "$KEY_NAME" \
  --security-group-ids "$GROUP_ID" --user-data "#cloud-config
hostname: cli
" --tag-specifications "ResourceType=instance,Tags=[{Key=Name,Value=$NAME},{Key=Scenario,Value=$SUFFIX}]")
mapfile -t IDS < <(jq -r '.Instances[].InstanceId' <<<"$out")
[ ${#IDS[@]} -eq 2 ] || fail "run-instances --count 2 started ${#IDS[@]} instances: $out"
note instances "$(ids_json "${IDS[@]}")"
note_s name "$NAME"

step wait-instance-running
wait_for instance-running "${IDS[@]}"
out=$(call describe-instances --instance-ids "${IDS[@]}")
require_jq "both running with key, group, tags and zone" "$out" '[.Reservations[].Instances[]] as $i
  | ($i | length == 2) and all($i[]; .State.Name == "running" and .KeyName == $k
      and .Placement.AvailabilityZone == $z and any(.SecurityGroups[]; .GroupId == $g)
      and any(.Tags[]; .Key == "Name" and .Value == $n))' \
  --arg k "$KEY_NAME" --arg z "$ZONE" --arg g "$GROUP_ID" --arg n "$NAME"
checkpoint running "$(jq -cn --argjson ids "$(ids_json "${IDS[@]}")" --arg n "$NAME" '{instances: $ids, name: $n}')"

step describe-instances-filters-and-paging
out=$(call describe-instances --filters "Name=tag:Name,Values=$NAME" "Name=instance-state-name,Values=running" \
  --page-size 5)
require_jq "tag:Name + instance-state-name filter" "$out" '[.Reservations[].Instances[].InstanceId] | sort == ($ids | sort)' \
  --argjson ids "$(ids_json "${IDS[@]}")"
out=$(call describe-instances --filters "Name=tag:Name,Values=$NAME" "Name=instance-state-name,Values=stopped")
require_jq "no stopped instance yet" "$out" '[.Reservations[].Instances[]] | length == 0'
out=$(call describe-instances --max-items 1 --page-size 5)
require_jq "--max-items 1 gives one reservation" "$out" '.Reservations | length == 1'
out=$(call describe-instances --query 'Reservations[].Instances[].InstanceId' --page-size 5)
require_jq "--page-size 5 lists every instance" "$out" '(. | sort) as $all | all($ids[]; . as $i | $all | index($i) != null)' \
  --argjson ids "$(ids_json "${IDS[@]}")"

step errors
expect_error InvalidInstanceID.NotFound describe-instances --instance-ids i-0123456789abcdef0
expect_error InvalidParameterValue describe-instances --filters "Name=no-such-filter,Values=x"
expect_error DryRunOperation run-instances --dry-run --image-id "$IMAGE" --instance-type "$TYPE" --count 1
if [ -n "${SKYPORT_EC2_OTHER_ACCESS_KEY:-}" ]; then
  (
    export AWS_ACCESS_KEY_ID=$SKYPORT_EC2_OTHER_ACCESS_KEY AWS_SECRET_ACCESS_KEY=$SKYPORT_EC2_OTHER_SECRET_KEY
    expect_error InvalidInstanceID.NotFound describe-instances --instance-ids "${IDS[0]}"
    expect_error InvalidInstanceID.NotFound terminate-instances --instance-ids "${IDS[0]}"
  )
  note other_tenant '"InvalidInstanceID.NotFound"'
fi

step stop-instances
out=$(call stop-instances --instance-ids "${IDS[@]}")
require_jq "StopInstances" "$out" '[.StoppingInstances[].InstanceId] | sort == ($ids | sort)' \
  --argjson ids "$(ids_json "${IDS[@]}")"
wait_for instance-stopped "${IDS[@]}"
out=$(call describe-instances --filters "Name=tag:Name,Values=$NAME" "Name=instance-state-name,Values=stopped")
require_jq "stopped filter" "$out" '[.Reservations[].Instances[].InstanceId] | sort == ($ids | sort)' \
  --argjson ids "$(ids_json "${IDS[@]}")"
checkpoint stopped "$(jq -cn --argjson ids "$(ids_json "${IDS[@]}")" --arg n "$NAME" '{instances: $ids, name: $n}')"

step start-instances
out=$(call start-instances --instance-ids "${IDS[@]}")
require_jq "StartInstances" "$out" 'all(.StartingInstances[]; .PreviousState.Name == "stopped")'
wait_for instance-running "${IDS[@]}"

step get-console-output
out=$(call get-console-output --instance-id "${IDS[0]}")
require_jq "GetConsoleOutput" "$out" '.InstanceId == $i' --arg i "${IDS[0]}"

step terminate-instances
out=$(call terminate-instances --instance-ids "${IDS[@]}")
require_jq "TerminateInstances" "$out" \
  'all(.TerminatingInstances[]; .CurrentState.Name == "shutting-down" or .CurrentState.Name == "terminated")'
wait_for instance-terminated "${IDS[@]}"
out=$(call describe-instances --instance-ids "${IDS[@]}")
require_jq "terminated instances stay visible" "$out" \
  '[.Reservations[].Instances[].State.Name] == ["terminated", "terminated"]'
note final_states "$(jq -c '[.Reservations[].Instances[] | {(.InstanceId): .State.Name}] | add' <<<"$out")"
TERMINATED=("${IDS[@]}")
IDS=()

step delete-key-pair
call delete-key-pair --key-name "$KEY_NAME" >/dev/null
KEY_NAME=""
out=$(call describe-key-pairs)
require_jq "DeleteKeyPair" "$out" '[.KeyPairs[].KeyName] | index($k) == null' --arg k "ci-key-$SUFFIX"

step delete-security-group
call delete-security-group --group-id "$GROUP_ID" >/dev/null
out=$(call describe-security-groups)
require_jq "DeleteSecurityGroup" "$out" '[.SecurityGroups[].GroupId] | index($g) == null' --arg g "$GROUP_ID"
checkpoint terminated "$(jq -cn --argjson ids "$(ids_json "${TERMINATED[@]}")" --arg n "$NAME" \
  '{instances: $ids, name: $n}')"

finish true
cleanup
