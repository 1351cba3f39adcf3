#!/usr/bin/env bash
# Runs every test of the solution (unit, integration against a real Azurite, functional over gRPC),
# then prints one summary line over all test assemblies.
# The tests start the Azurite instances they need on free 127.0.0.1 ports.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test HyperRepHub.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?

# dotnet test prints one "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per assembly.
awk -F'[:,]' '/(Passed|Failed)! +- Failed:/ { failed += $2; passed += $4; skipped += $6 }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
if [ "$status" -ne 0 ]; then
  # A crashed test host or a full disk can fail the run without printing its Failed! line.
  echo "error: dotnet test exited with status $status; read the output above for the failing assembly." >&2
fi
exit "$status"
