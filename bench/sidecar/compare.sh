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
for number in RATE DURATION WARMUP RUNS BODY_SIZE; do
  [[ ${!number} =~ ^[1-9][0-9]*$ ]] || { echo "compare.sh: $number must be a positive whole number, not '${!number}'" >&2; exit 1; }
done
command -v curl >/dev/null || { echo "compare.sh: curl is required" >&2; exit 1; }

echo "Building the load generator and the echo app (Release)…" >&2
dotnet build "$here/SidecarBench.slnf" -c Release --artifacts-path "$ARTIFACTS_PATH" -nologo -clp:ErrorsOnly -v:quiet >&2
if [[ -z ${SIDECAR_A:-} || -z ${SIDECAR_B:-} ]]; then
  echo "Publishing the sidecar with Native AOT into $ARTIFACTS_PATH/aot/sidecar…" >&2
  dotnet publish "$repo/sidecar/Periscope.Sidecar.csproj" -c Release -o "$ARTIFACTS_PATH/aot/sidecar" -nologo -clp:ErrorsOnly -v:quiet >&2
fi
SIDECAR_A=${SIDECAR_A:-$ARTIFACTS_PATH/aot/sidecar/Periscope.Sidecar}
SIDECAR_B=${SIDECAR_B:-$ARTIFACTS_PATH/aot/sidecar/Periscope.Sidecar}
for side in SIDECAR_A SIDECAR_B; do
  [[ -x ${!side} ]] || { echo "compare.sh: $side (${!side}) is not an executable" >&2; exit 1; }
done
loadgen=(dotnet "$ARTIFACTS_PATH/bin/Periscope.Bench.LoadGenerator/release/Periscope.Bench.LoadGenerator.dll")
echo_app=(dotnet "$ARTIFACTS_PATH/bin/Periscope.Bench.EchoApp/release/Periscope.Bench.EchoApp.dll")

work=$(mktemp -d "${TMPDIR:-/tmp}/sidecar-compare.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ready() { # url, what: polls until it answers, at most 30 s
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "compare.sh: $2 did not answer at $1 within 30 s" >&2
  exit 1
}

allocated() { # metrics port → the runtime's bytes allocated so far
  curl -sf "http://127.0.0.1:$1/metrics" | awk '/^dotnet_gc_heap_total_allocated_bytes_total / {print $2}'
}

read -r app_port <<<"$("${loadgen[@]}" free-ports 1)"
"${echo_app[@]}" --urls "http://127.0.0.1:$app_port" >"$work/echo.log" 2>&1 &
pids+=($!)
curl -sf -o /dev/null --retry 300 --retry-delay 0 --retry-connrefused --max-time 30 -X POST -d x "http://127.0.0.1:$app_port/echo" \
  || { echo "compare.sh: the echo app did not start (log: $work/echo.log)" >&2; exit 1; }

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
  # The generator numbers targets by their place in the rotation (0., 1.); map them back to A and B.
  awk -F= -v first="$first" -v n=$((RATE * DURATION)) \
    -v alloc_a=$((after_a - before_a)) -v alloc_b=$((after_b - before_b)) '
    { key = $1 }
    key ~ /^[01]\.(p50|p90|p99)_us$/ { split(key, k, "."); side = (k[1] == "0") == (first == "A") ? "A" : "B"; sub(/_us$/, "", k[2]); v[side, k[2]] = $2 }
    key ~ /^cpu_s\./ { side = substr(key, 7); v[side, "cpu"] = $2 * 1000 / n }
    key ~ /^rss_peak_mb\./ { side = substr(key, 13); v[side, "rss"] = $2 }
    key ~ /^[01]\.send_lag_p99_us$/ && $2 > lag { lag = $2 }
    END {
      v["A", "alloc"] = alloc_a / n; v["B", "alloc"] = alloc_b / n
      for (i = 1; i <= 2; i++) {
        s = i == 1 ? "A" : "B"
        printf "%s %.0f %.0f %.0f %.4f %.1f %.0f %.0f\n", s, v[s, "p50"], v[s, "p90"], v[s, "p99"], v[s, "cpu"], v[s, "rss"], v[s, "alloc"], lag
      }
    }' "$work/run-$run.txt"
}

echo "Comparing, $(date -u '+%Y-%m-%d %H:%M UTC'): $RUNS runs of $DURATION s, $RATE requests/s of $BODY_SIZE-byte POSTs to each, interleaved; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A: $SIDECAR_A${ENV_A:+ with $ENV_A}"
echo "B: $SIDECAR_B${ENV_B:+ with $ENV_B}"
echo
printf '| run | sidecar | p50 µs | p90 µs | p99 µs | CPU s/1k req | peak RSS MiB | B allocated/req | generator lag p99 µs |\n'
printf '|--:|:--|--:|--:|--:|--:|--:|--:|--:|\n'
: >"$work/differences"
for run in $(seq 1 "$RUNS"); do
  first=A
  (( run % 2 == 0 )) && first=B
  one_run "$run" "$first" >"$work/figures-$run"
  while read -r side p50 p90 p99 cpu rss alloc lag; do
    printf '| %d | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$run" "$side" "$p50" "$p90" "$p99" "$cpu" "$rss" "$alloc" "$lag"
  done <"$work/figures-$run"
  paste -d' ' <(sed -n 1p "$work/figures-$run") <(sed -n 2p "$work/figures-$run") \
    | awk '{ printf "%s %s %s %s %s %s\n", $10-$2, $11-$3, $12-$4, $13-$5, $14-$6, $15-$7 }' >>"$work/differences"
done
echo
echo "B − A, median of $RUNS runs (negative: B is lower):"
for column in "1 p50 µs" "2 p90 µs" "3 p99 µs" "4 CPU s per 1,000 requests" "5 peak RSS MiB" "6 bytes allocated per request"; do
  read -r index name <<<"$column"
  median=$(cut -d' ' -f"$index" "$work/differences" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  echo "  $name: $median"
done
