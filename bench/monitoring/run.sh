#!/usr/bin/env bash
# Monitoring functions against Prometheus's own answer time: the same PromQL asked directly and through the
# function, ITERATIONS (200) times each, alternating, at one fixed evaluation time; median, p90 and their ratio.
# Starts node_exporter and Prometheus (Debian's packages) and the functions host (Release) on free loopback
# ports; waits until Prometheus has WARM_SCRAPES (10) scrapes of node_exporter. ARTIFACTS_PATH (default
# <repo>/artifacts), KEEP_WORK=1 keeps the temporary folder and its logs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
ARTIFACTS_PATH=${ARTIFACTS_PATH:-$repo/artifacts}
ITERATIONS=${ITERATIONS:-200}
WARM_SCRAPES=${WARM_SCRAPES:-10}

for tool in dotnet prometheus prometheus-node-exporter curl python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required (apt-get install prometheus prometheus-node-exporter)" >&2; exit 1; }
done

echo "Building Release into $ARTIFACTS_PATH…" >&2
dotnet build "$repo/functions/Periscope.Functions.csproj" -c Release --artifacts-path "$ARTIFACTS_PATH" -nologo -clp:ErrorsOnly -v:quiet >&2
dotnet build "$here/Periscope.Bench.Monitoring.csproj" -c Release --artifacts-path "$ARTIFACTS_PATH" -nologo -clp:ErrorsOnly -v:quiet >&2
out() { echo "$ARTIFACTS_PATH/bin/$1/release/$1.dll"; }

work=$(mktemp -d /tmp/periscope-bench-monitoring-XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ ${KEEP_WORK:-0} == 1 ]] && echo "Work folder kept: $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

read -r port_node port_prometheus port_functions < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')

wait_for() { # name url
  for _ in $(seq 1 300); do curl -fsS -o /dev/null "$2" 2>/dev/null && return 0; sleep 0.1; done
  echo "run.sh: $1 did not become ready at $2; logs in $work" >&2; KEEP_WORK=1; exit 1
}

cat >"$work/prometheus.yml" <<YAML
global: {scrape_interval: 1s, evaluation_interval: 1s}
scrape_configs:
  - job_name: node
    static_configs: [{targets: ['127.0.0.1:$port_node']}]
YAML

prometheus-node-exporter --web.listen-address="127.0.0.1:$port_node" >"$work/node-exporter.log" 2>&1 & pids+=($!)
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:$port_prometheus" >"$work/prometheus.log" 2>&1 & pids+=($!)
key="bench-monitoring-bootstrap-key-0123456789abcdef"
Store__DataDirectory="$work/store" Catalog__ReportToken="bench-monitoring-report-token-0123456789" \
  Access__BootstrapKey="$key" Access__RateLimit__PermitsPerSecond=0 \
  Monitoring__PrometheusUrl="http://127.0.0.1:$port_prometheus/" Monitoring__NodeExporterJob=node \
  dotnet "$(out Periscope.Functions)" --urls "http://127.0.0.1:$port_functions" >"$work/functions.log" 2>&1 & pids+=($!)

wait_for node_exporter "http://127.0.0.1:$port_node/metrics"
wait_for prometheus "http://127.0.0.1:$port_prometheus/-/ready"
wait_for functions "http://127.0.0.1:$port_functions/readyz"
echo "Waiting for $WARM_SCRAPES scrapes…" >&2
for _ in $(seq 1 600); do
  count=$(curl -fsS "http://127.0.0.1:$port_prometheus/api/v1/query" --data-urlencode "query=count_over_time(up{job=\"node\"}[1m])" |
    python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else 0)')
  (( count >= WARM_SCRAPES )) && break
  sleep 0.2
done

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$(out Periscope.Bench.Monitoring)" "http://127.0.0.1:$port_prometheus/" "http://127.0.0.1:$port_functions/" "$key" "127.0.0.1:$port_node" "$ITERATIONS"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
