#!/usr/bin/env bash
# The sidecar and gateway benchmark (bench/README.md, "sidecar"; issue 3 and issue 4, "Benchmark"). In
# one run, on loopback: 1 KB POSTs at a fixed rate from our open-loop load generator to a trivial echo
# app directly, through one and two nginx hops, through one and two sidecars, and through the functions
# host's gateway (/api/invoke → sidecar → sidecar → app); then each path's saturation throughput with
# wrk (2 threads, 16 connections). Then the same paths interleaved, request by request, from one generator, so that
# the latencies compared meet the same machine. Prints the tables and the issues' targets as PASS/MISS lines.
#
# Environment: DURATION (measured seconds per path, 60), RATE (requests/s, 1000), WARMUP (seconds, 5),
# SATURATION_DURATION (seconds, 10), BODY_SIZE (bytes, 1024), PATHS (a subset of
# "direct nginx1 nginx2 sidecar1 sidecar2 gateway"), SIDECAR_ENV (VAR=value pairs for the sidecars only, e.g.
# "DOTNET_GCgen0size=0x400000" to try a runtime setting), FUNCTIONS_ENV (the same for the functions
# host), SIDECAR_BUILD (aot: the sidecar as deployed, published with Native AOT, the default; jit: the
# framework-dependent build run with `dotnet`), ARTIFACTS_PATH (the Release build,
# <repo>/artifacts), KEEP_WORK=1 keeps the temporary folder (logs, nginx configs, raw figures).
# Ctrl-C stops everything.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

DURATION=${DURATION:-60}
RATE=${RATE:-1000}
WARMUP=${WARMUP:-5}
SATURATION_DURATION=${SATURATION_DURATION:-10}
BODY_SIZE=${BODY_SIZE:-1024}
PATHS=${PATHS:-direct nginx1 nginx2 sidecar1 sidecar2 gateway}
SIDECAR_ENV=${SIDECAR_ENV:-}
FUNCTIONS_ENV=${FUNCTIONS_ENV:-}
SIDECAR_BUILD=${SIDECAR_BUILD:-aot}
ARTIFACTS_PATH=${ARTIFACTS_PATH:-$repo/artifacts}

missing() { echo "run.sh: $1 is missing; install with: sudo apt-get install nginx-light wrk" >&2; exit 1; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x $nginx_bin ]] || missing nginx
command -v wrk >/dev/null || missing wrk
for tool in dotnet curl getconf; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required (dotnet: the .NET 10 SDK)" >&2; exit 1; }
done
for path in $PATHS; do
  [[ " direct nginx1 nginx2 sidecar1 sidecar2 gateway " == *" $path "* ]] \
    || { echo "run.sh: unknown path '$path' in PATHS; use direct nginx1 nginx2 sidecar1 sidecar2 gateway" >&2; exit 1; }
done
[[ $SIDECAR_BUILD == aot || $SIDECAR_BUILD == jit ]] \
  || { echo "run.sh: SIDECAR_BUILD must be aot or jit, not '$SIDECAR_BUILD'" >&2; exit 1; }
wants() { [[ " $PATHS " == *" $1 "* ]]; }
wants_sidecars() { wants sidecar1 || wants sidecar2 || wants gateway; }

work=$(mktemp -d "${TMPDIR:-/tmp}/sidecar-bench.XXXXXX")
# nginx's workers drop to nobody when started as root; they need to reach their temp folders.
chmod 711 "$work"
pids=()

running() { # pid: alive and not a zombie
  local stat
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 50); do
    local alive=0
    for pid in "${pids[@]}"; do running "$pid" && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ ${KEEP_WORK:-0} == 1 || $status -ne 0 ]]; then
    echo "run.sh: logs, configs and raw figures are in $work" >&2
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() { # message [log name]
  echo "run.sh: $1" >&2
  if [[ -n ${2:-} && -s $work/$2.log ]]; then
    echo "--- last lines of $work/$2.log:" >&2
    tail -n 20 "$work/$2.log" >&2
  fi
  exit 1
}

start() { # name command...: runs in the background, output to $work/name.log; $! is its pid
  local name=$1
  shift
  "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
}

wait_for() { # name pid url [curl options...]: polls until the URL answers 2xx, for at most 60 s
  local name=$1 pid=$2 url=$3
  shift 3
  local deadline=$((SECONDS + 60))
  until curl -fsS -o /dev/null --max-time 2 "$@" "$url" 2>/dev/null; do
    running "$pid" || fail "$name exited before it answered at $url" "$name"
    ((SECONDS < deadline)) || fail "$name did not answer 2xx at $url within 60 s" "$name"
    sleep 0.2
  done
}

echo "Building Release into $ARTIFACTS_PATH…" >&2
dotnet build "$here/SidecarBench.slnf" -c Release --artifacts-path "$ARTIFACTS_PATH" -nologo -clp:ErrorsOnly -v:quiet >&2
out() { echo "$ARTIFACTS_PATH/bin/$1/release/$1.dll"; }
loadgen=$(out Periscope.Bench.LoadGenerator)
sidecar=(dotnet "$(out Periscope.Sidecar)")
if wants_sidecars && [[ $SIDECAR_BUILD == aot ]]; then
  echo "Publishing the sidecar with Native AOT into $ARTIFACTS_PATH/aot/sidecar…" >&2
  dotnet publish "$repo/sidecar/Periscope.Sidecar.csproj" -c Release \
    -o "$ARTIFACTS_PATH/aot/sidecar" -nologo -clp:ErrorsOnly -v:quiet >&2
  sidecar=("$ARTIFACTS_PATH/aot/sidecar/Periscope.Sidecar")
fi

if wants_sidecars; then
  help=$("${sidecar[@]}" --help 2>&1 || true)
  for option in --inbound-port --dapr-http-port --metrics-port --listen-address; do
    [[ $help == *"$option"* ]] || fail "this sidecar build has no $option option; the sidecar paths need it (PATHS='direct nginx1 nginx2' runs the rest)"
  done
fi

read -r port_app port_functions port_hop1 port_hop2 port_a_dapr port_a_inbound port_a_metrics \
  port_b_dapr port_b_inbound port_b_metrics < <(dotnet "$loadgen" free-ports 10)
body="$work/body"
head -c "$BODY_SIZE" /dev/zero | tr '\0' x >"$body"
post=(-X POST -H 'Content-Type: application/octet-stream' --data-binary "@$body")

echo "Starting the echo app, nginx, the functions host and the sidecars…" >&2
start app dotnet "$(out Periscope.Bench.EchoApp)" --urls "http://127.0.0.1:$port_app"
pid_app=$!
wait_for app "$pid_app" "http://127.0.0.1:$port_app/echo" "${post[@]}"

# One nginx instance per hop with one worker each, as each hop is one sidecar process. Upstream
# keepalive as nginx documents it (nginx.org/en/docs/http/ngx_http_upstream_module.html#keepalive);
# keepalive_requests raised so nginx does not close a connection every 1,000 requests (its default),
# which the sidecars never do.
nginx_hop() { # name listen-port upstream-port
  local dir="$work/$1"
  mkdir -p "$dir"
  chmod 755 "$dir"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/client_body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  keepalive_requests 1000000;
  upstream next {
    server 127.0.0.1:$3;
    keepalive 64;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:$2;
    location / {
      proxy_pass http://next;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
  start "$1" "$nginx_bin" -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" -g 'daemon off;'
}

children_of() { # pid: its children's pids (proc(5): field 4 of /proc/PID/stat is the parent)
  local stat line fields
  for stat in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$stat" || continue
    read -r -a fields <<<"${line##*) }"
    if [[ ${fields[1]} == "$1" ]]; then
      stat=${stat#/proc/}
      echo "${stat%/stat}"
    fi
  done
}

worker_of() { # nginx master pid: its one worker's pid
  local deadline=$((SECONDS + 10)) child
  until child=$(children_of "$1" | head -n 1) && [[ -n $child ]]; do
    ((SECONDS < deadline)) || fail "nginx (pid $1) started no worker"
    sleep 0.1
  done
  echo "$child"
}

if wants nginx1 || wants nginx2; then
  nginx_hop hop2 "$port_hop2" "$port_app"
  pid_hop2=$!
  nginx_hop hop1 "$port_hop1" "$port_hop2"
  pid_hop1=$!
  wait_for hop2 "$pid_hop2" "http://127.0.0.1:$port_hop2/echo" "${post[@]}"
  wait_for hop1 "$pid_hop1" "http://127.0.0.1:$port_hop1/echo" "${post[@]}"
  worker_hop1=$(worker_of "$pid_hop1")
  worker_hop2=$(worker_of "$pid_hop2")
  pids+=("$worker_hop1" "$worker_hop2")
fi

if wants_sidecars; then
  token=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')
  admin_key=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')
  mkdir -p "$work/data"
  # The gateway calls through sidecar A's Dapr port, as a functions pod calls through its own sidecar;
  # the per-key rate limit is off so that it does not cap the saturation run.
  read -r -a functions_env <<<"$FUNCTIONS_ENV"
  start functions env "${functions_env[@]}" Store__DataDirectory="$work/data" Catalog__ReportToken="$token" \
    Access__BootstrapKey="$admin_key" Access__RateLimit__PermitsPerSecond=0 \
    Invoke__DaprHttpEndpoint="http://127.0.0.1:$port_a_dapr" \
    dotnet "$(out Periscope.Functions)" --urls "http://127.0.0.1:$port_functions"
  pid_functions=$!
  wait_for functions "$pid_functions" "http://127.0.0.1:$port_functions/readyz"

  sidecar_args=(--app-port "$port_app" --catalog "http://127.0.0.1:$port_functions" --catalog-token "$token"
    --heartbeat-interval 1s --listen-address 127.0.0.1)
  read -r -a sidecar_env <<<"$SIDECAR_ENV"
  start sidecar-b env "${sidecar_env[@]}" "${sidecar[@]}" --app-id bench-app --pod bench-b "${sidecar_args[@]}" \
    --inbound-port "$port_b_inbound" --dapr-http-port "$port_b_dapr" --metrics-port "$port_b_metrics"
  pid_b=$!
  start sidecar-a env "${sidecar_env[@]}" "${sidecar[@]}" --app-id bench-client --pod bench-a "${sidecar_args[@]}" \
    --inbound-port "$port_a_inbound" --dapr-http-port "$port_a_dapr" --metrics-port "$port_a_metrics"
  pid_a=$!
  wait_for sidecar-b "$pid_b" "http://127.0.0.1:$port_b_inbound/echo" "${post[@]}"
  # bench-app resolvable through sidecar A: B's heartbeat has reached the catalog and A resolves it.
  wait_for sidecar-a "$pid_a" "http://127.0.0.1:$port_a_dapr/v1.0/invoke/bench-app/method/echo"
  if wants gateway; then
    wait_for functions "$pid_functions" "http://127.0.0.1:$port_functions/api/invoke/default/bench-app/echo" \
      -H "Authorization: Bearer $admin_key" "${post[@]}"
  fi
fi

declare -A url label watch
url[direct]="http://127.0.0.1:$port_app/echo"
url[nginx1]="http://127.0.0.1:$port_hop2/echo"
url[nginx2]="http://127.0.0.1:$port_hop1/echo"
url[sidecar1]="http://127.0.0.1:$port_b_inbound/echo"
url[sidecar2]="http://127.0.0.1:$port_a_dapr/v1.0/invoke/bench-app/method/echo"
url[gateway]="http://127.0.0.1:$port_functions/api/invoke/default/bench-app/echo"
label=([direct]="direct" [nginx1]="one nginx hop" [nginx2]="two nginx hops" [sidecar1]="one sidecar" [sidecar2]="two sidecars"
  [gateway]="gateway+2 sidecars")
declare -A auth
auth[gateway]="Authorization: Bearer ${admin_key:-}"
# The proxy processes measured on each path, first hop first, as NAME=PID.
watch[direct]=""
watch[nginx1]="nginx-2=${worker_hop2:-}"
watch[nginx2]="nginx-1=${worker_hop1:-} nginx-2=${worker_hop2:-}"
watch[sidecar1]="sidecar-b=${pid_b:-}"
watch[sidecar2]="sidecar-a=${pid_a:-} sidecar-b=${pid_b:-}"
watch[gateway]="functions=${pid_functions:-} sidecar-a=${pid_a:-} sidecar-b=${pid_b:-}"

declare -A fig
clock_ticks=$(getconf CLK_TCK)
started_at=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# A watched .NET process's garbage collector so far, from its /metrics (.NET's runtime meter): managed bytes allocated,
# collections (all generations) and seconds paused, as "bytes collections seconds"; nothing for nginx.
declare -A metrics_url=([sidecar-a]="http://127.0.0.1:$port_a_metrics/metrics" [sidecar-b]="http://127.0.0.1:$port_b_metrics/metrics"
  [functions]="http://127.0.0.1:$port_functions/metrics")
gc_sample() { # name
  [[ -n ${metrics_url[$1]:-} ]] || return 0
  curl -sf "${metrics_url[$1]}" | awk '
    /^dotnet_gc_heap_total_allocated_bytes_total / { bytes = $2 }
    /^dotnet_gc_collections_total[{ ]/ { collections += $2 }
    /^dotnet_gc_pause_time_seconds_total / { paused = $2 }
    END { if (bytes != "") printf "%.0f %d %.6f", bytes, collections, paused }'
}

# The load generator at the fixed rate; the arguments name the URLs (and what to watch).
fixed_rate() { LOADGEN_CLK_TCK=$clock_ticks dotnet "$loadgen" --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" --body-size "$BODY_SIZE" "$@"; }

# Phase 1: every path at the fixed rate, back to back, so the latencies compared were taken close together.
for path in $PATHS; do
  declare -A gc_before=()
  for entry in ${watch[$path]}; do gc_before[${entry%%=*}]=$(gc_sample "${entry%%=*}"); done
  echo "[${label[$path]}] $RATE requests/s for ${DURATION} s after a ${WARMUP} s warm-up…" >&2
  args=()
  for entry in ${watch[$path]}; do args+=(--watch "$entry"); done
  if [[ -n ${auth[$path]:-} ]]; then args+=(--header "${auth[$path]}"); fi
  fixed_rate --url "${url[$path]}" --label "${label[$path]}" "${args[@]}" >"$work/$path.fixed"
  while IFS='=' read -r key value; do fig[$path.$key]=$value; done <"$work/$path.fixed"
  # Over the whole run, warm-up included (the generator sends WARMUP + DURATION seconds of requests): KB allocated
  # per request, collections, and milliseconds paused.
  for entry in ${watch[$path]}; do
    name=${entry%%=*}
    after=$(gc_sample "$name")
    if [[ -n $after && -n ${gc_before[$name]:-} ]]; then
      read -r bytes collections paused <<<"$(awk -v a="$after" -v b="${gc_before[$name]}" -v n="$(((WARMUP + DURATION) * RATE))" \
        'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.1f %d %.0f", (x[1] - y[1]) / 1024 / n, x[2] - y[2], (x[3] - y[3]) * 1000 }')"
      fig[$path.alloc_kb.$name]=$bytes
      fig[$path.gc.$name]="$collections ($paused ms)"
    fi
  done
done

# Phase 1b: the paths each verdict compares, interleaved request by request from one generator at $RATE requests/s
# in all, so whatever else runs on the machine slows them alike: direct, two nginx hops and two sidecars (issue 3);
# two sidecars and the gateway (issue 4). The latency verdicts are taken from these: on a shared machine,
# back-to-back windows differed at p99 by more than what the hops add.
# Each group's figures are keyed by its name: vs-nginx.sidecar2.p90_us, vs-gateway.gateway.p99_us.
declare -A groups=()
group=""
for path in direct nginx2 sidecar2; do if wants "$path"; then group+="${group:+ }$path"; fi; done
if [[ $group == *" "* ]]; then groups[vs-nginx]=$group; fi
if wants sidecar2 && wants gateway; then groups[vs-gateway]="sidecar2 gateway"; fi
group_names=()
for g in vs-nginx vs-gateway; do if [[ -n ${groups[$g]:-} ]]; then group_names+=("$g"); fi; done
for g in "${group_names[@]}"; do
  read -r -a members <<<"${groups[$g]}"
  echo "[interleaved] ${groups[$g]} taking turns, $RATE requests/s in all, for ${DURATION} s after a ${WARMUP} s warm-up…" >&2
  args=()
  for path in "${members[@]}"; do
    args+=(--url "${url[$path]}" --label "${label[$path]} (interleaved)")
    if [[ -n ${auth[$path]:-} ]]; then args+=(--header "${auth[$path]}"); fi
  done
  fixed_rate "${args[@]}" >"$work/interleaved-$g.fixed"
  while IFS='=' read -r key value; do
    if [[ $key =~ ^([0-9]+)\.(.*)$ ]]; then fig[$g.${members[${BASH_REMATCH[1]}]}.${BASH_REMATCH[2]}]=$value; fi
  done <"$work/interleaved-$g.fixed"
done

cpu_ticks() { # pid: utime + stime (proc(5), /proc/PID/stat fields 14 and 15)
  local stat
  read -r stat <"/proc/$1/stat"
  stat=${stat##*) }
  local fields
  read -r -a fields <<<"$stat"
  echo $((fields[11] + fields[12]))
}
peak_rss_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
reset_peak_rss() { { echo 5 >"/proc/$1/clear_refs"; } 2>/dev/null || true; }

# Phase 2: saturation, each path with wrk; CPU and peak RSS of the same processes over the wrk run.
for path in $PATHS; do
  echo "[${label[$path]}] saturation: wrk -t2 -c16 -d${SATURATION_DURATION}s…" >&2
  declare -A before=()
  for entry in ${watch[$path]}; do
    reset_peak_rss "${entry#*=}"
    before[${entry%%=*}]=$(cpu_ticks "${entry#*=}")
  done
  headers=()
  if [[ -n ${auth[$path]:-} ]]; then headers=(-H "${auth[$path]}"); fi
  BODY_SIZE=$BODY_SIZE wrk "${headers[@]}" -t2 -c16 -d"${SATURATION_DURATION}s" --timeout 5s -s "$here/post.lua" "${url[$path]}" >"$work/$path.wrk"
  requests=$(awk '/ requests in / { print $1 }' "$work/$path.wrk")
  fig[$path.sat_rps]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$work/$path.wrk")
  fig[$path.sat_errors]=$(awk '/Non-2xx or 3xx responses:/ { n += $NF }
    /Socket errors:/ { gsub(/[^0-9 ]/, ""); n += $1 + $2 + $3 + $4 } END { print n + 0 }' "$work/$path.wrk")
  for entry in ${watch[$path]}; do
    name=${entry%%=*}
    ticks=$(($(cpu_ticks "${entry#*=}") - ${before[$name]}))
    fig[$path.sat_cpu_per_1k.$name]=$(awk -v t="$ticks" -v hz="$clock_ticks" -v n="$requests" 'BEGIN { printf "%.4f", t / hz * 1000 / (n > 0 ? n : 1) }')
    fig[$path.sat_rss_peak_mb.$name]=$(awk -v kb="$(peak_rss_kb "${entry#*=}")" 'BEGIN { printf "%.1f", kb / 1024 }')
  done
done

# The table.
get() { echo "${fig[$1]:-}"; }
joined() { # path key separator: the key's value for each watched process of the path
  local entry text=""
  for entry in ${watch[$1]}; do text+="${text:+$3}$(get "$1.$2.${entry%%=*}")"; done
  echo "${text:--}"
}
added() { # path percentile [figure prefix]: what the path adds over direct (measured with the same prefix)
  if [[ $1 == direct ]] || [[ -z $(get "${3:-}direct.$2_us") ]]; then echo "-"; return; fi
  awk -v a="$(get "${3:-}$1.$2_us")" -v d="$(get "${3:-}direct.$2_us")" 'BEGIN { printf "%+.0f", a - d }'
}
us() { awk -v v="$(get "$1")" 'BEGIN { printf "%.0f", v }'; }

echo
echo "Sidecar benchmark, $started_at: $RATE requests/s of ${BODY_SIZE}-byte POSTs for ${DURATION} s per path" \
  "(after ${WARMUP} s warm-up), saturation wrk -t2 -c16 for ${SATURATION_DURATION} s; $(nproc) CPUs," \
  "load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after; sidecar build: $SIDECAR_BUILD; latencies in µs from each request's due time${SIDECAR_ENV:+; sidecars with $SIDECAR_ENV}${FUNCTIONS_ENV:+; functions host with $FUNCTIONS_ENV}."
echo
printf '| %-14s | %6s | %6s | %6s | %7s | %6s | %6s | %6s | %6s | %7s | %6s | %-15s | %-11s | %-15s | %-11s |\n' \
  path p50 p90 p99 max +p50 +p90 +p99 errors 'sat rps' 'sat err' 'CPU s/1k req' 'RSS MiB' 'sat CPU s/1k' 'sat RSS MiB'
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' \
  ':---------------' '-------:' '-------:' '-------:' '--------:' '-------:' '-------:' '-------:' '-------:' \
  '--------:' '-------:' '----------------:' '------------:' '----------------:' '------------:'
for path in $PATHS; do
  printf '| %-14s | %6s | %6s | %6s | %7s | %6s | %6s | %6s | %6s | %7s | %6s | %15s | %11s | %15s | %11s |\n' \
    "${label[$path]}" "$(us "$path.p50_us")" "$(us "$path.p90_us")" "$(us "$path.p99_us")" "$(us "$path.max_us")" \
    "$(added "$path" p50)" "$(added "$path" p90)" "$(added "$path" p99)" \
    "$(get "$path.errors")" "$(get "$path.sat_rps")" "$(get "$path.sat_errors")" \
    "$(joined "$path" cpu_per_1k ' + ')" "$(joined "$path" rss_peak_mb /)" \
    "$(joined "$path" sat_cpu_per_1k ' + ')" "$(joined "$path" sat_rss_peak_mb /)"
done
echo
echo "Processes per row, first hop first: nginx workers (one per hop); the functions host; sidecar A (Dapr port) then B (inbound)."
alloc=()
for path in $PATHS; do
  text=$(for entry in ${watch[$path]}; do get "$path.alloc_kb.${entry%%=*}"; done | paste -sd/ -)
  if [[ -n ${text//\//} ]]; then alloc+=("${label[$path]} $text"); fi
done
if ((${#alloc[@]} > 0)); then
  (IFS=';'; echo "Managed KB allocated per request at the fixed rate (.NET's dotnet_gc_heap_total_allocated_bytes_total):${alloc[*]/#/ }")
  collected=()
  for path in $PATHS; do
    text=$(for entry in ${watch[$path]}; do get "$path.gc.${entry%%=*}"; done | paste -sd/ -)
    if [[ -n ${text//\//} ]]; then collected+=("${label[$path]} $text"); fi
  done
  (IFS=';'; echo "Garbage collections (and time paused) over the fixed-rate run, warm-up included:${collected[*]/#/ }")
fi
if ((${#group_names[@]} > 0)); then
  echo
  echo "Interleaved: each group's paths taking turns request by request, $RATE requests/s in all; the latency verdicts below use these."
  echo
  printf '| %-14s | %6s | %6s | %6s | %7s | %6s | %6s | %6s | %6s | %8s |\n' path p50 p90 p99 max +p50 +p90 +p99 errors 'send lag'
  printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ':---------------' '-------:' '-------:' '-------:' '--------:' '-------:' '-------:' \
    '-------:' '-------:' '---------:'
  for g in "${group_names[@]}"; do
    read -r -a members <<<"${groups[$g]}"
    for path in "${members[@]}"; do
      printf '| %-14s | %6s | %6s | %6s | %7s | %6s | %6s | %6s | %6s | %8s |\n' \
        "${label[$path]} @$((RATE / ${#members[@]}))" "$(us "$g.$path.p50_us")" "$(us "$g.$path.p90_us")" "$(us "$g.$path.p99_us")" \
        "$(us "$g.$path.max_us")" "$(added "$path" p50 "$g.")" "$(added "$path" p90 "$g.")" "$(added "$path" p99 "$g.")" \
        "$(get "$g.$path.errors")" "$(us "$g.$path.send_lag_p99_us")"
    done
  done
  echo
fi
lag=()
for path in $PATHS; do
  lag+=("${label[$path]} $(us "$path.send_lag_p99_us") µs / $(get "$path.cpu_per_1k.generator") s")
done
(IFS=';'; echo "Load generator, send lag p99 / CPU s per 1k requests:${lag[*]/#/ }")
noisy=()
for path in $PATHS; do
  if awk -v lag="$(get "$path.send_lag_p99_us")" 'BEGIN { exit !(lag > 1000) }'; then noisy+=("${label[$path]}"); fi
  [[ $(get "$path.precise_clock") == True ]] || noisy+=("${label[$path]} (no precise clock)")
done
for path in $PATHS; do
  for p in p90 p99; do
    if [[ $(added "$path" "$p") == -[0-9]* ]]; then noisy+=("${label[$path]} (hops faster than direct at $p)"); fi
  done
done
for g in "${group_names[@]}"; do
  group_lag=$(get "$g.$(cut -d' ' -f1 <<<"${groups[$g]}").send_lag_p99_us")
  if awk -v lag="$group_lag" 'BEGIN { exit !(lag > 1000) }'; then noisy+=("interleaved ${groups[$g]}"); fi
done
if ((${#noisy[@]} > 0)); then
  (IFS=','; echo "Note: noisy figures (load generator more than 1 ms late at p99, or hops faster than direct):${noisy[*]/#/ }. The machine was busy;" \
    "those latencies include the generator's delay or other processes' and compare poorly; rerun when it is quieter.")
fi

# The targets (issue 3; ../shared/ARCHITECTURE.md, "Performance targets").
verdict() { if awk "BEGIN { exit !($1) }" 2>/dev/null; then echo PASS; else echo MISS; fi; }
if wants sidecar2 && wants nginx2 && wants direct; then
  echo
  for p in p90 p99; do
    s=$(added sidecar2 "$p" vs-nginx.)
    n=$(added nginx2 "$p" vs-nginx.)
    echo "$(verdict "$s <= $n")  two sidecars add no more than two nginx hops at $p: $s µs vs $n µs interleaved" \
      "(back to back: $(added sidecar2 "$p") vs $(added nginx2 "$p"))"
  done
  s=$(get sidecar2.sat_rps)
  n=$(get nginx2.sat_rps)
  echo "$(verdict "$s >= $n")  saturation through two sidecars at least two nginx hops': $s vs $n requests/s"
fi
if wants gateway && wants sidecar2; then
  hop() { awk -v a="$(get "$1gateway.$2_us")" -v b="$(get "$1sidecar2.$2_us")" 'BEGIN { printf "%+.0f", a - b }'; }
  g=$(hop vs-gateway. p99)
  echo "$(verdict "$g <= 500")  the gateway hop adds at most 500 µs p99 over the two-sidecar path: $g µs interleaved" \
    "(p50 $(hop vs-gateway. p50), p90 $(hop vs-gateway. p90)); back to back in the table: p99 $(hop "" p99)"
fi
if wants sidecar1 || wants sidecar2; then
  worst=sidecar1
  if wants sidecar2; then worst=sidecar2; fi
  cpu=$(for entry in ${watch[$worst]}; do get "$worst.cpu_per_1k.${entry%%=*}"; done | sort -g | tail -n 1)
  echo "$(verdict "$cpu <= 0.08")  sidecar CPU at most 0.08 s per 1,000 requests (0.08 vCPU at 1,000 requests/s): $(joined "$worst" cpu_per_1k ', ') (${label[$worst]})"
  rss=$(for path in sidecar1 sidecar2; do
    if wants "$path"; then
      for entry in ${watch[$path]}; do get "$path.rss_peak_mb.${entry%%=*}"; done
    fi
  done | sort -g | tail -n 1)
  echo "$(verdict "$rss <= 25")  sidecar peak RSS at most 25 MB (read as MiB) at $RATE requests/s: ${rss} MiB at most"
  errors=0
  for path in sidecar1 sidecar2 gateway; do
    if wants "$path"; then
      errors=$((errors + $(get "$path.errors") + $(get "$path.sat_errors")))
      for g in "${group_names[@]}"; do
        interleaved_errors=$(get "$g.$path.errors")
        errors=$((errors + ${interleaved_errors:-0}))
      done
    fi
  done
  echo "$(verdict "$errors == 0")  no errors through the sidecars: $errors"
fi
