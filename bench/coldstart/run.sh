#!/usr/bin/env bash
# Functions cold start (ARCHITECTURE.md's target: 0.3 s from start to first answer, against Lambda .NET 8's 1.5 s JIT /
# 0.36 s AOT). Builds the functions host (Release) and starts it RUNS times on an empty store and RUNS times on an
# existing one, timing from the process's start to its first 200 from /readyz (the store open and migrated) and from
# an authenticated GET /api/services (a function that reads the store), polling as fast as connections are refused.
#
# Environment: RUNS (10), ARTIFACTS_PATH (build output, <repo>/artifacts).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
RUNS=${RUNS:-10}
ARTIFACTS_PATH=${ARTIFACTS_PATH:-$repo/artifacts}
for tool in dotnet python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required" >&2; exit 1; }
done
echo "Building Release into $ARTIFACTS_PATH…" >&2
dotnet build "$repo/functions/Periscope.Functions.csproj" -c Release --artifacts-path "$ARTIFACTS_PATH" -nologo -clp:ErrorsOnly -v:quiet >&2
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(getconf _NPROCESSORS_ONLN) cores"
python3 "$here/measure.py" --dll "$ARTIFACTS_PATH/bin/Periscope.Functions/release/Periscope.Functions.dll" --runs "$RUNS"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
