#!/usr/bin/env bash
# Builds the OpenAPI parse benchmark in Release and runs it; arguments go to it (--iterations N).
# The real documents in ../shared/testdata/openapi are timed too when that folder exists.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
dotnet build "$here/Periscope.Bench.OpenApiParse.csproj" -c Release -nologo -clp:ErrorsOnly -v:quiet
exec dotnet "$here/bin/Release/net10.0/Periscope.Bench.OpenApiParse.dll" --testdata "$repo/../shared/testdata/openapi" "$@"
