#!/usr/bin/env bash
# The README's first command: installs what is missing (scripts/setup.sh), starts the embedded hub (one silo on
# 127.0.0.1 and a local Azurite), waits until it responds to gRPC calls, runs `hyperrep demo` through gRPC only, and stops
# the hub it started. Arguments go to `hyperrep demo`, e.g. `scripts/demo.sh --preset tiny --fresh`.
# Settings (environment): HYPERREP_DEMO_PORT (5080), HYPERREP_DEMO_WAIT_SECONDS (300), SKIP_SETUP=1 to skip setup,
# HYPERREP_DEMO_THREADS (1): libtorch threads of the hub; one thread trains fastest when other work shares the cores;
# HYPERREP_DEMO_LOG_DIR (out/demo): where the hub log goes.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${HYPERREP_DEMO_PORT:-5080}"
wait_seconds="${HYPERREP_DEMO_WAIT_SECONDS:-300}"
threads="${HYPERREP_DEMO_THREADS:-1}"
log_dir="${HYPERREP_DEMO_LOG_DIR:-out/demo}"
mkdir -p "$log_dir"

if [[ "${SKIP_SETUP:-0}" != "1" ]]; then
  scripts/setup.sh
fi

http_port=$((port + 1))
echo "Starting the hub on 127.0.0.1:$port (log: $log_dir/hub.log)..." >&2
# The built server is started directly rather than with `dotnet run`, so the process id below is the hub itself
# and stopping it stops the Azurite it launched.
OMP_NUM_THREADS="$threads" HyperRepHub__Grpc__Port="$port" HyperRepHub__Http__Port="$http_port" \
  HyperRepHub__Http__BindAddress=127.0.0.1 dotnet src/HyperRepHub.Server/bin/Release/net10.0/HyperRepHub.Server.dll >"$log_dir/hub.log" 2>&1 &
hub_pid=$!

stop_hub() {
  if kill -0 "$hub_pid" 2>/dev/null; then
    echo "Stopping the hub (process $hub_pid)..." >&2
    kill -TERM "$hub_pid" 2>/dev/null || true
    # The hub stops the Azurite it started when it shuts down; give it time to do so.
    for _ in $(seq 1 60); do
      kill -0 "$hub_pid" 2>/dev/null || return 0
      sleep 0.5
    done
    kill -KILL "$hub_pid" 2>/dev/null || true
  fi
}
trap stop_hub EXIT

echo "Waiting up to ${wait_seconds}s for http://127.0.0.1:$http_port/healthz..." >&2
for ((i = 0; i < wait_seconds; i++)); do
  curl --silent --fail --max-time 2 "http://127.0.0.1:$http_port/healthz" >/dev/null && break
  kill -0 "$hub_pid" 2>/dev/null || { echo "error: the hub exited; see $log_dir/hub.log." >&2; exit 1; }
  sleep 1
done

dotnet src/HyperRepHub.Cli/bin/Release/net10.0/hyperrep.dll demo \
  --hub "http://127.0.0.1:$port" --wait-for-hub "$wait_seconds" "$@"
