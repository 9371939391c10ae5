#!/usr/bin/env bash
# Compares two sidecars side by side (bench/README.md, "Comparing two sidecars"): builds or settings A and B,
# each in front of the same echo app, get the requests of one load generator interleaved A, B, A, B…, so both
# meet the same machine at the same moments. Per run: each one's p50/p90/p99 (µs), CPU seconds per 1,000
# requests, peak RSS (MiB) and managed bytes allocated per request (from its /metrics); A and B swap places
# in the rotation every other run; the summary is the median of B − A over the runs. The generator's send lag
# (how late it sent, at p99) shows how busy the machine was: above a millisecond, the latencies are mostly its.
#
# Environment: SIDECAR_A, SIDECAR_B (sidecar executables; default: both the Native AOT build published from this
# checkout), ENV_A, ENV_B (VAR=value pairs for each), RATE (requests/s to each, 500), DURATION (measured seconds
# per run, 20), WARMUP (seconds, 3), RUNS (4), BODY_SIZE (bytes, 1024), ARTIFACTS_PATH (<repo>/artifacts).
# Example: ENV_B=DOTNET_GCgen0size=80000 bash bench/sidecar/compare.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

RATE=${RATE:-500}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-3}
RUNS=${RUNS:-4}
BODY_SIZE=${BODY_SIZE:-1024}
ENV_A=${ENV_A:-}
ENV_B=${ENV_B:-}
ARTIFACTS_PATH=${ARTIFACTS_PATH:-$repo/artifacts}
source "$here/compare-lib.sh"
if [[ -z ${SIDECAR_A:-} || -z ${SIDECAR_B:-} ]]; then
  echo "Publishing the sidecar with Native AOT into $ARTIFACTS_PATH/aot/sidecar…" >&2
  dotnet publish "$repo/sidecar/Periscope.Sidecar.csproj" -c Release -o "$ARTIFACTS_PATH/aot/sidecar" -nologo -clp:ErrorsOnly -v:quiet >&2
fi
SIDECAR_A=${SIDECAR_A:-$ARTIFACTS_PATH/aot/sidecar/Periscope.Sidecar}
SIDECAR_B=${SIDECAR_B:-$ARTIFACTS_PATH/aot/sidecar/Periscope.Sidecar}
for side in SIDECAR_A SIDECAR_B; do
  [[ -x ${!side} ]] || { echo "compare.sh: $side (${!side}) is not an executable" >&2; exit 1; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/sidecar-compare.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_echo_app

one_run() { # run number, first (A or B): prints "A p50 p90 p99 cpu rss alloc lag" and the same for B
  local run=$1 first=$2 side port_list inbound metrics pid env_pairs binary urls=() watch=()
  declare -A inbound_of metrics_of pid_of
  for side in A B; do
    read -r -a port_list <<<"$("${loadgen[@]}" free-ports 4)"
    if [[ $side == A ]]; then binary=$SIDECAR_A; env_pairs=$ENV_A; else binary=$SIDECAR_B; env_pairs=$ENV_B; fi
    read -r -a env_pairs <<<"$env_pairs"
    env "${env_pairs[@]}" "$binary" --app-id bench --app-port "$app_port" --catalog "http://127.0.0.1:${port_list[3]}" \
      --inbound-port "${port_list[0]}" --dapr-http-port "${port_list[1]}" --metrics-port "${port_list[2]}" \
      --listen-address 127.0.0.1 >"$work/sidecar-$side-$run.log" 2>&1 &
    pid_of[$side]=$!
    pids+=($!)
    inbound_of[$side]=${port_list[0]}
    metrics_of[$side]=${port_list[2]}
    ready "http://127.0.0.1:${port_list[2]}/healthz" "sidecar $side"
  done
  local order=(A B)
  [[ $first == B ]] && order=(B A)
  for side in "${order[@]}"; do
    urls+=(--url "http://127.0.0.1:${inbound_of[$side]}/echo" --label "$side")
    watch+=(--watch "$side=${pid_of[$side]}")
  done
  "${loadgen[@]}" "${urls[@]}" --rate $((2 * RATE)) --duration "$WARMUP" --warmup 0 --body-size "$BODY_SIZE" >/dev/null 2>>"$work/loadgen.log"
  local before_a before_b
  before_a=$(allocated "${metrics_of[A]}")
  before_b=$(allocated "${metrics_of[B]}")
  "${loadgen[@]}" "${urls[@]}" --rate $((2 * RATE)) --duration "$DURATION" --warmup 0 --body-size "$BODY_SIZE" "${watch[@]}" >"$work/run-$run.txt" 2>>"$work/loadgen.log"
  local after_a after_b
  after_a=$(allocated "${metrics_of[A]}")
  after_b=$(allocated "${metrics_of[B]}")
  kill "${pid_of[A]}" "${pid_of[B]}"
  wait "${pid_of[A]}" "${pid_of[B]}" 2>/dev/null || true
  run_figures "$work/run-$run.txt" "$first" $((after_a - before_a)) $((after_b - before_b))
}

echo "Comparing, $(date -u '+%Y-%m-%d %H:%M UTC'): $RUNS runs of $DURATION s, $RATE requests/s of $BODY_SIZE-byte POSTs to each, interleaved; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A: $SIDECAR_A${ENV_A:+ with $ENV_A}"
echo "B: $SIDECAR_B${ENV_B:+ with $ENV_B}"
echo
compare_runs "1 p50 µs;2 p90 µs;3 p99 µs;4 CPU s per 1,000 requests;5 peak RSS MiB;6 bytes allocated per request"
