#!/usr/bin/env bash
# Runs Periscope's main job locally: the functions host (catalog API on an embedded SQLite store),
# the sample orders app, and a sidecar beside it that discovers and reports the app's OpenAPI document,
# forwards invocations to the app on its inbound port and speaks Dapr's HTTP API on its Dapr port.
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

FUNCTIONS_PORT=${PERISCOPE_FUNCTIONS_PORT:-7071}
APP_PORT=${PERISCOPE_SAMPLE_PORT:-5080}
DATA_DIR=${PERISCOPE_DATA_DIR:-$PWD/.data}
CONFIGURATION=${PERISCOPE_CONFIGURATION:-Release}
DAPR_PORT=${PERISCOPE_SIDECAR_DAPR_PORT:-3500}
INBOUND_PORT=${PERISCOPE_SIDECAR_INBOUND_PORT:-3501}
METRICS_PORT=${PERISCOPE_SIDECAR_METRICS_PORT:-9090}

command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
mkdir -p "$DATA_DIR"

secret() { # file: a random token made once and kept with the data (mode 600)
  [[ -s "$1" ]] || (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$1")
  cat "$1"
}
# The shared token sidecars report with (outside Kubernetes), and the Admin key this local install
# is administered with (Access:BootstrapKey); made once, kept with the data.
PERISCOPE_REPORT_TOKEN=${PERISCOPE_REPORT_TOKEN:-$(secret "$DATA_DIR/report-token")}
PERISCOPE_ADMIN_KEY=${PERISCOPE_ADMIN_KEY:-$(secret "$DATA_DIR/admin-key")}
# The bearer token the local Alertmanager sends alerts to Periscope's receiver with (deploy/local/alertmanager.yml).
PERISCOPE_ALERTMANAGER_TOKEN=${PERISCOPE_ALERTMANAGER_TOKEN:-$(secret "$DATA_DIR/alertmanager-token")}
PROMETHEUS_URL=http://127.0.0.1:9095
ALERTMANAGER_URL=http://127.0.0.1:9093

echo "Building (dotnet build -c $CONFIGURATION)…"
dotnet build Serverless.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly -v:quiet

out() { echo "$1/bin/$CONFIGURATION/net10.0/$2.dll"; }
pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "Stopping…"
  [[ -n ${monitoring:-} ]] && { PERISCOPE_DATA_DIR="$DATA_DIR" deploy/local/monitoring-stack.sh stop || true; }
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

wait_for() { # url what
  for _ in $(seq 1 150); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "run.sh: $2 exited" >&2; exit 1; }; done
    sleep 0.1
  done
  echo "run.sh: $2 did not become ready at $1" >&2; exit 1
}

# Prometheus, Alertmanager and node_exporter from Debian's packages (optional: the rest runs without them),
# first, so the functions host's first rule publication can reload Prometheus.
mkdir -p "$DATA_DIR/rules"
if PERISCOPE_DATA_DIR="$DATA_DIR" deploy/local/monitoring-stack.sh start; then monitoring=1
else echo "run.sh: monitoring stack not started (apt-get install prometheus prometheus-alertmanager prometheus-node-exporter)" >&2; fi

# The gateway (/api/invoke) calls through the demo app's sidecar, as a functions pod calls through its own.
Store__DataDirectory="$DATA_DIR" Catalog__ReportToken="$PERISCOPE_REPORT_TOKEN" Access__BootstrapKey="$PERISCOPE_ADMIN_KEY" \
  Invoke__DaprHttpEndpoint="http://127.0.0.1:$DAPR_PORT" \
  Monitoring__PrometheusUrl="$PROMETHEUS_URL" \
  Alerts__AlertmanagerUrl="$ALERTMANAGER_URL" Alerts__Receiver__BearerToken="$PERISCOPE_ALERTMANAGER_TOKEN" \
  AlertRules__RuleFilePath="$DATA_DIR/rules/periscope.yml" AlertRules__ReloadPrometheus=true \
  dotnet "$(out functions Periscope.Functions)" --urls "http://127.0.0.1:$FUNCTIONS_PORT" &
pids+=($!)
wait_for "http://127.0.0.1:$FUNCTIONS_PORT/readyz" "the functions host"

dotnet "$(out samples/orders Periscope.Samples.Orders)" --urls "http://127.0.0.1:$APP_PORT" &
pids+=($!)
wait_for "http://127.0.0.1:$APP_PORT/healthz" "the sample orders app"

dotnet "$(out sidecar Periscope.Sidecar)" --app-id orders --app-port "$APP_PORT" \
  --catalog "http://127.0.0.1:$FUNCTIONS_PORT" --catalog-token "$PERISCOPE_REPORT_TOKEN" \
  --listen-address 127.0.0.1 --dapr-http-port "$DAPR_PORT" --inbound-port "$INBOUND_PORT" --metrics-port "$METRICS_PORT" &
pids+=($!)
wait_for "http://127.0.0.1:$METRICS_PORT/readyz" "the sidecar"


api="http://127.0.0.1:$FUNCTIONS_PORT/api"
cat <<MSG

Periscope is running (Ctrl-C stops it). The Admin key is in $DATA_DIR/admin-key:
  key=\$(cat $DATA_DIR/admin-key)
Within a few seconds:
  curl -H "Authorization: Bearer \$key" $api/services
  curl -H "Authorization: Bearer \$key" $api/services/default/orders/operations
  curl -H "Authorization: Bearer \$key" $api/services/default/orders/openapi
  curl -H "Authorization: Bearer \$key" $api/operations/default.orders.createOrder
  curl -H "Authorization: Bearer \$key" '$api/search?q=order'
Invoke the app through the gateway (by path, or by operation with a validated form), then see the records:
  curl -H "Authorization: Bearer \$key" $api/invoke/default/orders/orders
  curl -H "Authorization: Bearer \$key" -H 'Content-Type: application/json' \\
    -d '{"body":{"customerEmail":"ada@example.com","items":[{"sku":"A-1","quantity":2,"unitPrice":9.5}]}}' $api/operations/default.orders.createOrder/invoke
  curl -H "Authorization: Bearer \$key" $api/calls
Or through the sidecar, Dapr-style (the traffic shows up in the catalog):
  curl http://127.0.0.1:$DAPR_PORT/v1.0/invoke/orders/method/orders
  curl -H 'dapr-app-id: orders' http://127.0.0.1:$DAPR_PORT/orders
  curl -H "Authorization: Bearer \$key" $api/services/default/orders/traffic
Monitoring and alerts (Prometheus $PROMETHEUS_URL, Alertmanager $ALERTMANAGER_URL, node_exporter :9100):
  curl -H "Authorization: Bearer \$key" $api/monitoring/nodes
  curl -H "Authorization: Bearer \$key" $api/alerts
Metrics: functions http://127.0.0.1:$FUNCTIONS_PORT/metrics, sidecar http://127.0.0.1:$METRICS_PORT/metrics   Data: $DATA_DIR

MSG
wait -n "${pids[@]}" || true
