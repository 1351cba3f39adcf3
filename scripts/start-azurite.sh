#!/usr/bin/env bash
# Starts the pinned Azurite (tools/azurite) in the background on 127.0.0.1, installing it with `npm ci` first
# when needed, waits until the blob and table services respond, and prints the connection string.
# An Azurite already listening on the ports is reused. `scripts/start-azurite.sh --stop` stops the one this
# script started.
# Settings (environment): AZURITE_BLOB_PORT (10000), AZURITE_QUEUE_PORT (10001), AZURITE_TABLE_PORT (10002),
# AZURITE_DATA_DIR (.azurite under the repository root), AZURITE_START_SECONDS (60).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool_dir="$root/tools/azurite"
data_dir="${AZURITE_DATA_DIR:-$root/.azurite}"
blob_port="${AZURITE_BLOB_PORT:-10000}"
queue_port="${AZURITE_QUEUE_PORT:-10001}"
table_port="${AZURITE_TABLE_PORT:-10002}"
start_seconds="${AZURITE_START_SECONDS:-60}"

# Azurite responds to every request, even an unauthenticated one, with a "Server: Azurite-<Service>/<version>" header.
responds() {
  curl --silent --max-time 2 --output /dev/null --dump-header - "http://127.0.0.1:$1/devstoreaccount1" 2>/dev/null \
    | grep -qi "^server: azurite-$2"
}

print_connection_string() {
  local account=devstoreaccount1
  # Azurite's fixed development key, published in Azurite's README.
  local key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
  echo "DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/$account;QueueEndpoint=http://127.0.0.1:$queue_port/$account;TableEndpoint=http://127.0.0.1:$table_port/$account;"
}

stop() {
  local pid_file="$data_dir/azurite.pid"
  [[ -f "$pid_file" ]] || { echo "No $pid_file: this script started no Azurite there." >&2; return 0; }
  local pid
  pid="$(cat "$pid_file")"
  # Azurite 3.37.0 closes its ports on SIGTERM but its node process can stay alive, so SIGKILL follows.
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 25; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pid_file"
  echo "Stopped Azurite process $pid." >&2
}

if [[ "${1:-}" == "--stop" ]]; then
  stop
  exit 0
fi

if responds "$blob_port" blob && responds "$table_port" table; then
  echo "Reusing the Azurite already listening on 127.0.0.1:$blob_port." >&2
  print_connection_string
  exit 0
fi

if [[ ! -x "$tool_dir/node_modules/.bin/azurite" ]]; then
  echo "Installing Azurite with npm ci in $tool_dir." >&2
  (cd "$tool_dir" && npm ci --no-audit --no-fund >&2)
fi

mkdir -p "$data_dir"
# Azure.Storage.Blobs 12.30 sends API version 2026-10-06, newer than Azurite 3.37.0 accepts without
# --skipApiVersionCheck.
nohup "$tool_dir/node_modules/.bin/azurite" \
  --blobHost 127.0.0.1 --blobPort "$blob_port" \
  --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" \
  --skipApiVersionCheck --location "$data_dir" >"$data_dir/azurite.log" 2>&1 &
pid=$!
echo "$pid" >"$data_dir/azurite.pid"

for ((i = 0; i < start_seconds * 5; i++)); do
  if responds "$blob_port" blob && responds "$table_port" table; then
    echo "Azurite is running as process $pid, data in $data_dir." >&2
    print_connection_string
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "Azurite exited before responding. Its output:" >&2
    cat "$data_dir/azurite.log" >&2
    exit 1
  fi
  sleep 0.2
done

echo "Azurite did not respond within $start_seconds seconds. Its output:" >&2
cat "$data_dir/azurite.log" >&2
kill "$pid" 2>/dev/null || true
exit 1
