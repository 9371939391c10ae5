#!/usr/bin/env bash
# The admission webhook benchmark (issue 5, "Benchmark"): SidecarInjector.Review and the whole AdmissionHandler in
# process, then POST /mutate over HTTPS on loopback (HttpClient, keep-alive; one caller, then CONCURRENCY), over the
# real-world pods in ../shared/testdata/pods. Prints p50/p99/max and reviews/s, and PASS/MISS for p99 ≤ 1 ms in process
# (the exit status is 1 on a MISS).
#
# Environment: ITERATIONS (in-process calls per scenario, 50000), REQUESTS (HTTPS calls per scenario, 10000),
# CONCURRENCY (8), ARTIFACTS_PATH (the Release build, /tmp/periscope-bench-webhook).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
ARTIFACTS_PATH=${ARTIFACTS_PATH:-/tmp/periscope-bench-webhook}

command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
testdata="$repo/../shared/testdata/pods"
[ -d "$testdata" ] || { echo "run.sh: the pod fixtures are missing: expected $testdata" >&2; exit 1; }
dotnet build "$here/AdmissionBench/AdmissionBench.csproj" -c Release -nologo -clp:ErrorsOnly -v:quiet --artifacts-path "$ARTIFACTS_PATH"
exec dotnet "$ARTIFACTS_PATH/bin/AdmissionBench/release/AdmissionBench.dll" --testdata "$testdata" \
  --iterations "${ITERATIONS:-50000}" --requests "${REQUESTS:-10000}" --concurrency "${CONCURRENCY:-8}"
