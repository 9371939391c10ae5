#!/usr/bin/env bash
# Monitoring functions against Prometheus's own answer time for the same PromQL (issue 6: within 10%).
#
# 1. synthetic_cluster.py writes a cluster as kube-prometheus scrapes it (NODES nodes of 8 CPUs, PODS pods in
#    NAMESPACES namespaces: node_exporter, cAdvisor, kube-state-metrics; MINUTES of samples every INTERVAL s) and
#    `promtool tsdb create-blocks-from openmetrics` turns it into TSDB blocks: queries then cost what they cost
#    on a real cluster of that size, not on one loopback node.
# 2. Prometheus (Debian's package) starts on those blocks with its query log on, and the functions host (Release).
# 3. The bench calls each function once and reads from the query log exactly what it asked Prometheus; the log
#    is switched off (config reload); then the same requests go directly and through the function, alternating,
#    ITERATIONS (200) times each, at the last sample's time: median and p90 of each and their ratio.
#
# Environment: NODES (20), PODS (600), NAMESPACES (20), MINUTES (60), INTERVAL (30), ITERATIONS (200),
# FUNCTIONS_ENV (VAR=value pairs for the functions host only, to try a runtime setting),
# ARTIFACTS_PATH (<repo>/artifacts), KEEP_WORK=1 keeps the temporary folder (blocks, logs).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
ARTIFACTS_PATH=${ARTIFACTS_PATH:-$repo/artifacts}
NODES=${NODES:-20}
PODS=${PODS:-600}
NAMESPACES=${NAMESPACES:-20}
MINUTES=${MINUTES:-60}
INTERVAL=${INTERVAL:-30}
ITERATIONS=${ITERATIONS:-200}
FUNCTIONS_ENV=${FUNCTIONS_ENV:-}

for tool in dotnet prometheus promtool curl python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required (apt-get install prometheus)" >&2; exit 1; }
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

read -r port_prometheus port_functions < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')

wait_for() { # name url
  for _ in $(seq 1 300); do curl -fsS -o /dev/null "$2" 2>/dev/null && return 0; sleep 0.1; done
  echo "run.sh: $1 did not become ready at $2; logs in $work" >&2; KEEP_WORK=1; exit 1
}

# 1. The last sample a minute ago, so the blocks end before Prometheus's head begins.
end=$(( $(date +%s) - 60 ))
end=$(( end - end % INTERVAL ))
echo "Writing the synthetic cluster ($NODES nodes, $PODS pods, $MINUTES min at $INTERVAL s)…" >&2
python3 "$here/synthetic_cluster.py" "$work/cluster.om" --nodes "$NODES" --pods "$PODS" --namespaces "$NAMESPACES" \
  --minutes "$MINUTES" --interval "$INTERVAL" --end "$end"
promtool tsdb create-blocks-from openmetrics --quiet "$work/cluster.om" "$work/data" >&2
rm "$work/cluster.om"

# 2.
printf 'global: {query_log_file: %s}\nscrape_configs: []\n' "$work/query.log" >"$work/prometheus.yml"
printf 'global: {}\nscrape_configs: []\n' >"$work/prometheus-quiet.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" --web.enable-lifecycle \
  --web.listen-address="127.0.0.1:$port_prometheus" >"$work/prometheus.log" 2>&1 & pids+=($!)
key="bench-monitoring-bootstrap-key-0123456789abcdef"
read -r -a functions_env <<<"$FUNCTIONS_ENV"
env "${functions_env[@]}" Store__DataDirectory="$work/store" Catalog__ReportToken="bench-monitoring-report-token-0123456789" \
  Access__BootstrapKey="$key" Access__RateLimit__PermitsPerSecond=0 \
  Monitoring__PrometheusUrl="http://127.0.0.1:$port_prometheus/" Logging__LogLevel__Default=Warning \
  dotnet "$(out Periscope.Functions)" --urls "http://127.0.0.1:$port_functions" >"$work/functions.log" 2>&1 & pids+=($!)
wait_for prometheus "http://127.0.0.1:$port_prometheus/-/ready"
wait_for functions "http://127.0.0.1:$port_functions/readyz"

# 3.
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(getconf _NPROCESSORS_ONLN) cores${FUNCTIONS_ENV:+; functions host with $FUNCTIONS_ENV}"
dotnet "$(out Periscope.Bench.Monitoring)" "http://127.0.0.1:$port_prometheus/" "http://127.0.0.1:$port_functions/" "$key" \
  "$work/query.log" "$work/prometheus.yml" "$work/prometheus-quiet.yml" node-03 team-04 "$end" "$MINUTES" "$INTERVAL" "$ITERATIONS"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
