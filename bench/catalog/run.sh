#!/usr/bin/env bash
# Catalog search benchmark (ARCHITECTURE.md's target: 10,000 services / 200,000 operations, search p99 20 ms).
# Starts the functions host (Release) on loopback with an empty SQLite store, fills it the way sidecars do (one
# report per service with its OpenAPI document, bench/catalog/SyntheticCatalog.cs: English and Chinese summaries),
# then times GET /api/search for a set of queries (a common word, two words, an operationId, an app-id, Chinese text
# of one, two and four characters, nothing, two Chinese characters, two Latin letters and one letter matching nothing,
# and punctuation matching nothing: the scan's worst case), each warmed up until the host compiles no more code for it.
# Prints p50/p90/p99/max per search and a PASS/MISS line against the target.
#
# Environment: SERVICES (10000), OPERATIONS (per service, 20), ITERATIONS (per search, 200), ARTIFACTS_PATH (build
# output, <repo>/artifacts), KEEP_WORK=1 keeps the temporary folder (host log, database).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
SERVICES=${SERVICES:-10000}
OPERATIONS=${OPERATIONS:-20}
ITERATIONS=${ITERATIONS:-200}
ARTIFACTS_PATH=${ARTIFACTS_PATH:-$repo/artifacts}
for tool in dotnet python3 curl; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required" >&2; exit 1; }
done

echo "Building Release into $ARTIFACTS_PATH…" >&2
dotnet build "$repo/functions/Periscope.Functions.csproj" -c Release --artifacts-path "$ARTIFACTS_PATH" -nologo -clp:ErrorsOnly -v:quiet >&2
dotnet build "$here/Periscope.Bench.Catalog.csproj" -c Release --artifacts-path "$ARTIFACTS_PATH" -nologo -clp:ErrorsOnly -v:quiet >&2
out() { echo "$ARTIFACTS_PATH/bin/$1/release/$1.dll"; }

work=$(mktemp -d /tmp/periscope-bench-catalog-XXXXXX)
host_pid=""
cleanup() {
  [[ -n $host_pid ]] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  [[ ${KEEP_WORK:-0} == 1 ]] && echo "Work folder kept: $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT INT TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
token="bench-catalog-report-token-$(od -An -tx8 -N8 /dev/urandom | tr -d ' ')"
key="bench-catalog-admin-key-$(od -An -tx8 -N8 /dev/urandom | tr -d ' ')"
dotnet "$(out Periscope.Functions)" --urls "http://127.0.0.1:$port" --Store:DataDirectory="$work/data" \
  --Catalog:ReportToken="$token" --Access:BootstrapKey="$key" --Access:RateLimit:PermitsPerSecond=0 \
  --Logging:LogLevel:Default=Warning >"$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
  kill -0 "$host_pid" 2>/dev/null || { cat "$work/host.log" >&2; exit 1; }
  sleep 0.1
done

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(getconf _NPROCESSORS_ONLN) cores"
dotnet "$(out Periscope.Bench.Catalog)" "http://127.0.0.1:$port/" "$token" "$key" "$SERVICES" "$OPERATIONS" "$ITERATIONS"
echo "Database: $(du -sh "$work/data" | cut -f1); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
