#!/usr/bin/env bash
# Functions cold start (ARCHITECTURE.md's target: 0.3 s from start to first answer, against Lambda .NET 8's 1.5 s JIT /
# 0.36 s AOT). Starts, each in turn, RUNS times on an empty store and RUNS times on an existing one:
#   built      the Release build, compiled at run time (as `dotnet run` and the tests start it);
#   shared     published ReadyToRun on the shared framework (`dotnet publish -r linux-x64 -p:SelfContained=false
#              -p:PublishReadyToRunComposite=false`);
#   published  published as the project publishes for a runtime (`dotnet publish -r linux-x64`: self-contained, one
#              composite ReadyToRun image of the host, its dependencies and .NET), as a container image is built;
#   empty      EmptyHost/, an ASP.NET Core host answering the same two paths with nothing behind them, published the
#              same way: the floor on this machine at that moment (its speed varies by half from hour to hour).
# Each start is timed from the process's start to its first 200 from /readyz (the store open and migrated) and from an
# authenticated GET /api/services (a function that reads the store), polling as fast as connections are refused. The
# target is judged on `published`; every build is also printed as a ratio to `empty`.
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
publish() {  # project, output folder, extra properties
  echo "Publishing $(basename "$1") for linux-x64 into $2…" >&2
  dotnet publish "$1" -c Release -r linux-x64 --artifacts-path "$ARTIFACTS_PATH" -o "$2" -nologo -clp:ErrorsOnly -v:quiet "${@:3}" >&2
}
functions="$repo/functions/Periscope.Functions.csproj"
publish "$functions" "$ARTIFACTS_PATH/coldstart-shared" -p:SelfContained=false -p:PublishReadyToRunComposite=false
publish "$functions" "$ARTIFACTS_PATH/coldstart-published"
publish "$here/EmptyHost/Periscope.Bench.EmptyHost.csproj" "$ARTIFACTS_PATH/coldstart-empty"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(getconf _NPROCESSORS_ONLN) cores"
python3 "$here/measure.py" --runs "$RUNS" \
  --build "built=$ARTIFACTS_PATH/bin/Periscope.Functions/release/Periscope.Functions.dll" \
  --build "shared=$ARTIFACTS_PATH/coldstart-shared/Periscope.Functions.dll" \
  --build "published=$ARTIFACTS_PATH/coldstart-published/Periscope.Functions" \
  --build "empty=$ARTIFACTS_PATH/coldstart-empty/Periscope.Bench.EmptyHost" --judge published --yardstick empty
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
