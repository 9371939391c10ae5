#!/usr/bin/env bash
# Compares two functions hosts as gateways side by side (bench/README.md, "Comparing two gateway hosts"; issue 4):
# builds or settings A and B, each the gateway in front of the same two sidecars and echo app (functions → sidecar A's
# Dapr port → sidecar B → app, as run.sh's gateway row), get the requests of one load generator interleaved A, B,
# A, B…, so both meet the same machine at the same moments. Per run: each one's p50/p90/p99 (µs), CPU seconds per
# 1,000 requests, peak RSS (MiB) and managed bytes allocated per request (from its /metrics); A and B swap places in
# the rotation every other run; the summary is the median of B − A over the runs. Both hosts share one SQLite store
# (WAL lets several processes use it) with a third, the catalog the sidecars report to, so that A and B do the same
# work. The generator's send lag (how late it sent, at p99) shows how busy the machine was.
#
# Environment: FUNCTIONS_A, FUNCTIONS_B (Periscope.Functions.dll; default: both this checkout's Release build),
# ENV_A, ENV_B (VAR=value pairs for each), RATE (requests/s to each, 500), DURATION (measured seconds per run, 20),
# WARMUP (seconds, 10: a host's JIT still tiers code up in its first seconds), RUNS (4), BODY_SIZE (bytes, 1024),
# ARTIFACTS_PATH (<repo>/artifacts).
# Example: ENV_B=DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0 bash bench/sidecar/compare-gateway.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

RATE=${RATE:-500}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
RUNS=${RUNS:-4}
BODY_SIZE=${BODY_SIZE:-1024}
ENV_A=${ENV_A:-}
ENV_B=${ENV_B:-}
ARTIFACTS_PATH=${ARTIFACTS_PATH:-$repo/artifacts}
source "$here/compare-lib.sh"
echo "Building the functions host (Release) and publishing the sidecar with Native AOT into $ARTIFACTS_PATH/aot/sidecar…" >&2
dotnet build "$repo/functions/Periscope.Functions.csproj" -c Release --artifacts-path "$ARTIFACTS_PATH" -nologo -clp:ErrorsOnly -v:quiet >&2
dotnet publish "$repo/sidecar/Periscope.Sidecar.csproj" -c Release -o "$ARTIFACTS_PATH/aot/sidecar" -nologo -clp:ErrorsOnly -v:quiet >&2
FUNCTIONS_A=${FUNCTIONS_A:-$ARTIFACTS_PATH/bin/Periscope.Functions/release/Periscope.Functions.dll}
FUNCTIONS_B=${FUNCTIONS_B:-$ARTIFACTS_PATH/bin/Periscope.Functions/release/Periscope.Functions.dll}
for side in FUNCTIONS_A FUNCTIONS_B; do
  [[ -f ${!side} ]] || { echo "compare-gateway.sh: $side (${!side}) is not a file" >&2; exit 1; }
done
sidecar=$ARTIFACTS_PATH/aot/sidecar/Periscope.Sidecar
work=$(mktemp -d "${TMPDIR:-/tmp}/gateway-compare.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_echo_app
read -r -a ports <<<"$("${loadgen[@]}" free-ports 9)"
declare -A port_of=([catalog]=${ports[8]} [A]=${ports[0]} [B]=${ports[1]}) pid_of
a_dapr=${ports[2]}
token=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')
key=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')
mkdir -p "$work/data"
# A third host, this checkout's build, is the catalog the sidecars report to, so that A and B do the same work.
for side in catalog A B; do
  case $side in
    catalog) dll=$ARTIFACTS_PATH/bin/Periscope.Functions/release/Periscope.Functions.dll; env_pairs= ;;
    A) dll=$FUNCTIONS_A; env_pairs=$ENV_A ;;
    B) dll=$FUNCTIONS_B; env_pairs=$ENV_B ;;
  esac
  read -r -a env_pairs <<<"$env_pairs"
  # As run.sh's gateway: the per-key rate limit off, call records on.
  env "${env_pairs[@]}" Store__DataDirectory="$work/data" Catalog__ReportToken="$token" Access__BootstrapKey="$key" \
    Access__RateLimit__PermitsPerSecond=0 Invoke__DaprHttpEndpoint="http://127.0.0.1:$a_dapr" Logging__LogLevel__Default=Warning \
    dotnet "$dll" --urls "http://127.0.0.1:${port_of[$side]}" >"$work/functions-$side.log" 2>&1 &
  pid_of[$side]=$!
  pids+=($!)
  # One after the other: the first creates the store's schema.
  ready "http://127.0.0.1:${port_of[$side]}/readyz" "functions host $side"
done
sidecar_args=(--app-port "$app_port" --catalog "http://127.0.0.1:${port_of[catalog]}" --catalog-token "$token" --heartbeat-interval 1s
  --listen-address 127.0.0.1)
"$sidecar" --app-id bench-app --pod bench-b "${sidecar_args[@]}" \
  --inbound-port "${ports[3]}" --dapr-http-port "${ports[4]}" --metrics-port "${ports[5]}" >"$work/sidecar-b.log" 2>&1 &
pids+=($!)
"$sidecar" --app-id bench-client --pod bench-a "${sidecar_args[@]}" \
  --inbound-port "${ports[6]}" --dapr-http-port "$a_dapr" --metrics-port "${ports[7]}" >"$work/sidecar-a.log" 2>&1 &
pids+=($!)
invoke() { echo "http://127.0.0.1:${port_of[$1]}/api/invoke/default/bench-app/echo"; }
for side in A B; do
  curl -sf -o /dev/null --retry 300 --retry-delay 0 --retry-all-errors --max-time 60 -X POST -d x -H "Authorization: Bearer $key" "$(invoke "$side")" \
    || { echo "compare-gateway.sh: gateway $side did not reach the echo app; its log ends:" >&2; tail -5 "$work/functions-$side.log" >&2; exit 1; }
done

one_run() { # run number, first (A or B): prints "A p50 p90 p99 cpu rss alloc lag" and the same for B
  local run=$1 first=$2 side urls=() watch=() order=(A B)
  [[ $first == B ]] && order=(B A)
  for side in "${order[@]}"; do
    urls+=(--url "$(invoke "$side")" --label "$side" --header "Authorization: Bearer $key")
    watch+=(--watch "$side=${pid_of[$side]}")
  done
  "${loadgen[@]}" "${urls[@]}" --rate $((2 * RATE)) --duration "$WARMUP" --warmup 0 --body-size "$BODY_SIZE" >/dev/null 2>>"$work/loadgen.log"
  local before_a before_b after_a after_b
  before_a=$(allocated "${port_of[A]}")
  before_b=$(allocated "${port_of[B]}")
  "${loadgen[@]}" "${urls[@]}" --rate $((2 * RATE)) --duration "$DURATION" --warmup 0 --body-size "$BODY_SIZE" "${watch[@]}" >"$work/run-$run.txt" 2>>"$work/loadgen.log"
  after_a=$(allocated "${port_of[A]}")
  after_b=$(allocated "${port_of[B]}")
  run_figures "$work/run-$run.txt" "$first" $((after_a - before_a)) $((after_b - before_b))
}

echo "Comparing gateways, $(date -u '+%Y-%m-%d %H:%M UTC'): $RUNS runs of $DURATION s, $RATE requests/s of $BODY_SIZE-byte POSTs to each, interleaved; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A: $FUNCTIONS_A${ENV_A:+ with $ENV_A}"
echo "B: $FUNCTIONS_B${ENV_B:+ with $ENV_B}"
echo
compare_runs "1 p50 µs;2 p90 µs;3 p99 µs;4 CPU s per 1,000 requests;5 peak RSS MiB;6 bytes allocated per request"
