#!/usr/bin/env bash
# Runs every test of the solution (unit, integration against a real Azurite, functional over gRPC).
# The tests start the Azurite instances they need on free 127.0.0.1 ports.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet test HyperRepHub.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
