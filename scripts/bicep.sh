#!/usr/bin/env bash
# Runs the Bicep CLI, fetched from NuGet (package Azure.Bicep.CommandLine.linux-x64) into the NuGet cache on
# first use, so no separate install is needed. Arguments go to bicep unchanged:
#   scripts/bicep.sh build infra/main.bicep --stdout
#   scripts/bicep.sh lint infra/main.bicep
# With --path as the only argument, prints the path of the bicep executable instead.
set -euo pipefail

BICEP_VERSION="${BICEP_VERSION:-0.49.2}"
PACKAGE_ID="Azure.Bicep.CommandLine.linux-x64"

packages_root() {
    dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p'
}

# A throw-away project whose only job is a PackageDownload: restoring it puts the package into the cache
# without adding anything to the solution.
download_bicep() {
    local project_dir
    project_dir="$(mktemp -d)"
    trap 'rm -rf "$project_dir"' RETURN
    cat > "$project_dir/BicepDownload.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="$PACKAGE_ID" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
PROJECT
    dotnet restore "$project_dir/BicepDownload.csproj" --verbosity quiet >&2
}

root="$(packages_root)"
root="${root%/}"
package_id_lower="$(printf '%s' "$PACKAGE_ID" | tr '[:upper:]' '[:lower:]')"
bicep="$root/$package_id_lower/$BICEP_VERSION/tools/bicep"

if [[ ! -f "$bicep" ]]; then
    download_bicep
fi
if [[ ! -f "$bicep" ]]; then
    echo "bicep.sh: $PACKAGE_ID $BICEP_VERSION restored, but $bicep is missing." >&2
    exit 1
fi
# NuGet extracts files without the execute bit.
[[ -x "$bicep" ]] || chmod u+x "$bicep"

if [[ "$#" -eq 1 && "$1" == "--path" ]]; then
    echo "$bicep"
    exit 0
fi
exec "$bicep" "$@"
