#!/bin/sh
# Builds the web UI with the machine's own node and npm (run by Maven in generate-resources).
# Without a usable node the last committed build under src/main/resources is packed as it is.
set -eu
cd "$(dirname "$0")"
out=../src/main/resources/META-INF/skyport/client
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[ui-extension] node/npm not found on PATH: skipping the web UI build; the jar packs the committed build in $out" >&2
  exit 0
fi
# Vite 7 wants Node 20.19 or later
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "[ui-extension] node $(node --version) is older than 20.19 (Vite 7's minimum): skipping the web UI build; the jar packs the committed build in $out" >&2
  exit 0
fi
# npm ci only when the lock file changed since the last install
if ! cmp -s package-lock.json node_modules/.skyport-installed-lock.json; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.skyport-installed-lock.json
fi
npm run build --silent
