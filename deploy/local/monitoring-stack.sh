#!/usr/bin/env bash
# The local monitoring stack for Periscope's main job: node_exporter (:9100), Prometheus (:9095; the
# sidecar's metrics use 9090) and Alertmanager (:9093), from the Debian packages prometheus,
# prometheus-alertmanager and prometheus-node-exporter, on 127.0.0.1, configured by prometheus.yml and
# alertmanager.yml beside this script. Data, logs and pid files go to $PERISCOPE_DATA_DIR/monitoring
# (default .data/monitoring).
#
#   deploy/local/monitoring-stack.sh start    start the three in the background, wait until ready
#   deploy/local/monitoring-stack.sh stop     stop them
#   deploy/local/monitoring-stack.sh status   which run and answer
#   deploy/local/monitoring-stack.sh run      start, then stay in the foreground until INT/TERM, then stop
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

DATA_DIR=${PERISCOPE_DATA_DIR:-$root/.data}
STATE=$DATA_DIR/monitoring
PROMETHEUS=${PERISCOPE_PROMETHEUS_BIN:-/usr/bin/prometheus}
ALERTMANAGER=${PERISCOPE_ALERTMANAGER_BIN:-/usr/bin/prometheus-alertmanager}
NODE_EXPORTER=${PERISCOPE_NODE_EXPORTER_BIN:-/usr/bin/prometheus-node-exporter}

# name|ready url
SERVICES=(
  "node-exporter|http://127.0.0.1:9100/metrics"
  "alertmanager|http://127.0.0.1:9093/-/ready"
  "prometheus|http://127.0.0.1:9095/-/ready"
)

die() { echo "monitoring-stack: $*" >&2; exit 1; }

require() { # binary debian-package
  [[ -x "$1" ]] || die "$1 is missing: apt-get install $2 (or set the PERISCOPE_*_BIN variable)"
}

alive() { [[ -s "$STATE/$1.pid" ]] && kill -0 "$(cat "$STATE/$1.pid")" 2>/dev/null; }

# The configs name their files relative to deploy/local (../../.data/...). With another data directory,
# a copy pointing at it is written under $STATE and used instead.
configs() {
  if [[ "$DATA_DIR" -ef "$root/.data" ]]; then
    prometheus_yml=$here/prometheus.yml alertmanager_yml=$here/alertmanager.yml
    return
  fi
  prometheus_yml=$STATE/prometheus.yml alertmanager_yml=$STATE/alertmanager.yml
  sed -e "s#\.\./\.\./\.data/#$DATA_DIR/#" -e "s#\.\./manifests/#$root/deploy/manifests/#" "$here/prometheus.yml" > "$prometheus_yml"
  sed -e "s#\.\./\.\./\.data/#$DATA_DIR/#" "$here/alertmanager.yml" > "$alertmanager_yml"
}

launch() { # name command...
  local name=$1; shift
  if alive "$name"; then echo "  $name already running (pid $(cat "$STATE/$name.pid"))"; return; fi
  # setsid: its own process group, so Ctrl-C in the terminal that ran `start` does not reach it.
  setsid "$@" >>"$STATE/$name.log" 2>&1 < /dev/null &
  echo $! > "$STATE/$name.pid"
}

wait_ready() { # name url
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "$2" 2>/dev/null && return 0
    alive "$1" || die "$1 exited; see $STATE/$1.log:
$(tail -n 15 "$STATE/$1.log")"
    sleep 0.1
  done
  die "$1 did not become ready at $2 within 30 s; see $STATE/$1.log"
}

start() {
  require "$NODE_EXPORTER" prometheus-node-exporter
  require "$PROMETHEUS" prometheus
  require "$ALERTMANAGER" prometheus-alertmanager
  command -v curl >/dev/null || die "curl is required"
  mkdir -p "$STATE/prometheus" "$STATE/alertmanager" "$DATA_DIR/rules"
  # The token Alertmanager sends to Periscope's receiver (Authorization: Bearer); the functions host is
  # given the same file's content. Made once, kept with the data (mode 600).
  [[ -s "$DATA_DIR/alertmanager-token" ]] \
    || (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$DATA_DIR/alertmanager-token")
  configs

  # Collectors that work unprivileged (also in a container); no textfile, no systemd.
  launch node-exporter "$NODE_EXPORTER" --web.listen-address=127.0.0.1:9100 --collector.disable-defaults \
    --collector.cpu --collector.meminfo --collector.loadavg --collector.filesystem --collector.diskstats \
    --collector.netdev --collector.stat --collector.vmstat --collector.uname --collector.time
  # An empty --cluster.listen-address turns gossip off: a single Alertmanager.
  launch alertmanager "$ALERTMANAGER" --config.file="$alertmanager_yml" --storage.path="$STATE/alertmanager" \
    --web.listen-address=127.0.0.1:9093 --web.external-url=http://127.0.0.1:9093/ --cluster.listen-address=
  # --web.enable-lifecycle: POST /-/reload after a user rule file changes.
  launch prometheus "$PROMETHEUS" --config.file="$prometheus_yml" --storage.tsdb.path="$STATE/prometheus" \
    --storage.tsdb.retention.time=7d --web.listen-address=127.0.0.1:9095 \
    --web.external-url=http://127.0.0.1:9095/ --web.enable-lifecycle

  for service in "${SERVICES[@]}"; do wait_ready "${service%%|*}" "${service#*|}"; done
  echo "Monitoring stack running: Prometheus http://127.0.0.1:9095  Alertmanager http://127.0.0.1:9093" \
    " node_exporter http://127.0.0.1:9100/metrics  (logs: $STATE)"
}

stop() {
  local service name pid
  for service in "${SERVICES[@]}"; do
    name=${service%%|*}
    alive "$name" || { rm -f "$STATE/$name.pid"; continue; }
    pid=$(cat "$STATE/$name.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    rm -f "$STATE/$name.pid"
    echo "  stopped $name"
  done
}

status() {
  local service name url code=0
  for service in "${SERVICES[@]}"; do
    name=${service%%|*} url=${service#*|}
    if ! alive "$name"; then echo "$name: not running"; code=3
    elif curl -fsS -o /dev/null "$url" 2>/dev/null; then echo "$name: running (pid $(cat "$STATE/$name.pid")), ready at $url"
    else echo "$name: running (pid $(cat "$STATE/$name.pid")), NOT ready at $url"; code=1
    fi
  done
  return $code
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  run)
    trap 'stop; exit 0' INT TERM
    start
    while status >/dev/null; do sleep 5 & wait $!; done
    echo "monitoring-stack: a service stopped; see $STATE" >&2
    stop; exit 1 ;;
  *) echo "usage: $0 start|stop|status|run" >&2; exit 2 ;;
esac
