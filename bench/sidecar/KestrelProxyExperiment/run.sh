#!/usr/bin/env bash
# Experiment only (bench/README.md, "sidecar"): CPU per 1,000 requests of each KestrelProxyExperiment mode and of
# the sidecar's inbound port, in front of the same echo app, at saturation (wrk -t2 -c16) and at a fixed 1,000
# requests/s (the bench's load generator), one after the other. Environment: SATURATION_DURATION (8), DURATION (10),
# VARIANTS ("answer httpclient raw yarp sidecar"; repeat names to alternate, e.g. "httpclient yarp httpclient yarp").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
work=$(mktemp -d "${TMPDIR:-/tmp}/kestrel-experiment.XXXXXX")
artifacts="$work/artifacts"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

echo "Building the echo app and load generator, publishing the experiment and the sidecar (Native AOT)…" >&2
dotnet build "$repo/bench/sidecar/SidecarBench.slnf" -c Release --artifacts-path "$artifacts" -nologo -clp:ErrorsOnly -v:quiet >&2
dotnet publish "$here" -c Release -o "$work/experiment" -nologo -clp:ErrorsOnly -v:quiet >&2
dotnet publish "$repo/sidecar/Periscope.Sidecar.csproj" -c Release -o "$work/sidecar" -nologo -clp:ErrorsOnly -v:quiet >&2

loadgen="$artifacts/bin/Periscope.Bench.LoadGenerator/release/Periscope.Bench.LoadGenerator.dll"
# Free loopback ports, as bench/sidecar/run.sh takes them (the load generator's free-ports command).
read -r app_port proxy_port dapr_port metrics_port < <(dotnet "$loadgen" free-ports 4)

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
wait_up() { for _ in $(seq 150); do curl -fs -o /dev/null -X POST -d x "$1" && return; sleep 0.2; done; echo "$1 did not answer" >&2; exit 1; }

dotnet "$artifacts/bin/Periscope.Bench.EchoApp/release/Periscope.Bench.EchoApp.dll" --urls "http://127.0.0.1:$app_port" >"$work/app.log" 2>&1 &
pids+=($!)
echo "| proxy | saturation requests/s | CPU-s/1k at saturation | CPU-s/1k at 1,000 requests/s | p50 µs | p90 µs | peak RSS MiB at 1,000 requests/s |"
echo "|---|--:|--:|--:|--:|--:|--:|"
for variant in ${VARIANTS:-answer httpclient raw yarp sidecar}; do
  if [[ $variant == sidecar ]]; then
    "$work/sidecar/Periscope.Sidecar" --app-id experiment --app-port "$app_port" --catalog http://127.0.0.1:1 \
      --inbound-port "$proxy_port" --dapr-http-port "$dapr_port" --metrics-port "$metrics_port" --listen-address 127.0.0.1 >"$work/$variant.log" 2>&1 &
  else
    "$work/experiment/Periscope.Bench.KestrelProxyExperiment" "$variant" "$proxy_port" "$app_port" >"$work/$variant.log" 2>&1 &
  fi
  pid=$!
  url="http://127.0.0.1:$proxy_port/echo"
  wait_up "$url"
  BODY_SIZE=1024 wrk -t2 -c16 -d3s -s "$repo/bench/sidecar/post.lua" "$url" >/dev/null # warm-up
  before=$(cpu_ticks "$pid")
  saturation=$(BODY_SIZE=1024 wrk -t2 -c16 -d"${SATURATION_DURATION:-8}s" -s "$repo/bench/sidecar/post.lua" "$url")
  ticks=$(($(cpu_ticks "$pid") - before))
  requests=$(awk '/requests in/ { print $1 }' <<<"$saturation")
  rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$saturation")
  declare -A fixed=()
  while IFS='=' read -r key value; do fixed[$key]=$value; done < <(
    LOADGEN_CLK_TCK=$(getconf CLK_TCK) dotnet "$loadgen" \
      --url "$url" --rate 1000 --duration "${DURATION:-10}" --warmup 1 --body-size 1024 --label "$variant" --watch "proxy=$pid" 2>/dev/null)
  printf '| %s | %s | %.4f | %s | %.0f | %.0f | %s |\n' "$variant" "$rps" "$(awk -v t="$ticks" -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { print t / hz / n * 1000 }')" \
    "${fixed[cpu_per_1k.proxy]}" "${fixed[p50_us]}" "${fixed[p90_us]}" "${fixed[rss_peak_mb.proxy]}"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
