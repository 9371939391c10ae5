# Shared by compare.sh and compare-gateway.sh (sourced, not run): the load generator and echo app of this folder's
# Release build, readiness polling, a per-run figures table and the median of B − A over the runs.
# Needs: here, repo, ARTIFACTS_PATH, RATE, DURATION, WARMUP, RUNS, BODY_SIZE set by the caller.

for number in RATE DURATION WARMUP RUNS BODY_SIZE; do
  [[ ${!number} =~ ^[1-9][0-9]*$ ]] || { echo "$(basename "$0"): $number must be a positive whole number, not '${!number}'" >&2; exit 1; }
done
command -v curl >/dev/null || { echo "$(basename "$0"): curl is required" >&2; exit 1; }

echo "Building the load generator and the echo app (Release)…" >&2
dotnet build "$here/SidecarBench.slnf" -c Release --artifacts-path "$ARTIFACTS_PATH" -nologo -clp:ErrorsOnly -v:quiet >&2
loadgen=(dotnet "$ARTIFACTS_PATH/bin/Periscope.Bench.LoadGenerator/release/Periscope.Bench.LoadGenerator.dll")
echo_app=(dotnet "$ARTIFACTS_PATH/bin/Periscope.Bench.EchoApp/release/Periscope.Bench.EchoApp.dll")

ready() { # url, what: polls until it answers, at most 30 s
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "$(basename "$0"): $2 did not answer at $1 within 30 s" >&2
  exit 1
}

allocated() { # port of a /metrics → the runtime's bytes allocated so far
  curl -sf "http://127.0.0.1:$1/metrics" | awk '/^dotnet_gc_heap_total_allocated_bytes_total / {print $2}'
}

start_echo_app() { # → app_port; the app's log in $work/echo.log
  read -r app_port <<<"$("${loadgen[@]}" free-ports 1)"
  "${echo_app[@]}" --urls "http://127.0.0.1:$app_port" >"$work/echo.log" 2>&1 &
  pids+=($!)
  curl -sf -o /dev/null --retry 300 --retry-delay 0 --retry-connrefused --max-time 30 -X POST -d x "http://127.0.0.1:$app_port/echo" \
    || { echo "$(basename "$0"): the echo app did not start (log: $work/echo.log)" >&2; exit 1; }
}

# Reads a generator's output (file $1) of a run where the side named $2 came first in the rotation; prints
# "A p50 p90 p99 cpu rss alloc lag" and the same for B. $3 and $4: bytes A and B allocated (0 when not known).
run_figures() {
  awk -F= -v first="$2" -v n=$((RATE * DURATION)) -v alloc_a="${3:-0}" -v alloc_b="${4:-0}" '
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
    }' "$1"
}

# Runs one_run (the caller's: run number, first side → run_figures lines) RUNS times, A and B swapping places, printing
# each run's table rows and then the median of B − A for the columns named in $1 ("1 p50 µs;2 p90 µs;…").
compare_runs() {
  local run first side p50 p90 p99 cpu rss alloc lag column index name median
  printf '| run | side | p50 µs | p90 µs | p99 µs | CPU s/1k req | peak RSS MiB | allocated/req | generator lag p99 µs |\n'
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
  IFS=';' read -r -a columns <<<"$1"
  for column in "${columns[@]}"; do
    read -r index name <<<"$column"
    median=$(cut -d' ' -f"$index" "$work/differences" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    echo "  $name: $median"
  done
}
