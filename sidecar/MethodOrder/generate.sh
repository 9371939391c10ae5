#!/usr/bin/env bash
# Regenerates method-order.txt, the order in which Native AOT lays out the sidecar's methods (IlcOrderFile in
# Periscope.Sidecar.csproj; README.md beside this script says why). Runs an unstripped build of the sidecar under
# valgrind's callgrind in the benchmark's two roles — sidecar B forwarding to the echo app, sidecar A serving Dapr's
# invoke API towards B, both reporting to the functions host as catalog — plus one sidecar whose catalog is down,
# and lists every function of the binary that ran, in the order callgrind first met them.
#
# Needs valgrind and wrk (sudo apt-get install valgrind wrk) and the .NET 10 SDK; takes about three minutes.
# Environment: ARTIFACTS_PATH (a scratch build folder; default a temporary one), KEEP_WORK=1 keeps the logs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
for tool in valgrind wrk dotnet curl nm strip python3; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool is required (sudo apt-get install valgrind wrk binutils python3)" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/method-order.XXXXXX")
artifacts=${ARTIFACTS_PATH:-$work/artifacts}
pids=()
cleanup() {
  local status=$?
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  if [[ ${KEEP_WORK:-0} == 1 || $status -ne 0 ]]; then echo "generate.sh: logs are in $work" >&2; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT

echo "Building the echo app and the functions host, publishing the sidecar with its symbols…" >&2
dotnet build "$repo/bench/sidecar/SidecarBench.slnf" -c Release --artifacts-path "$artifacts" -nologo -clp:ErrorsOnly -v:quiet >&2
# Without the current order file, so that the list does not depend on the layout it replaces.
dotnet publish "$repo/sidecar/Periscope.Sidecar.csproj" -c Release --artifacts-path "$artifacts" -o "$work/sidecar" \
  -p:StripSymbols=false -p:IlcOrderFile= -nologo -clp:ErrorsOnly -v:quiet >&2
# valgrind cannot read the binary's DWARF; the symbol table is all callgrind needs to name functions.
strip --strip-debug -o "$work/Periscope.Sidecar" "$work/sidecar/Periscope.Sidecar"

out() { echo "$artifacts/bin/$1/release/$1.dll"; }
wait_for() { # url [curl options...]: polls until the URL answers 2xx, for at most 120 s (valgrind is slow to start)
  local url=$1 deadline=$((SECONDS + 120))
  shift
  until curl -fsS -o /dev/null --max-time 5 "$@" "$url" 2>/dev/null; do
    ((SECONDS < deadline)) || { echo "generate.sh: $url did not answer within 120 s" >&2; exit 1; }
    sleep 0.5
  done
}

# Free loopback ports, as bench/sidecar/run.sh takes them (the load generator's free-ports command).
read -r app functions b_in b_dapr b_metrics a_in a_dapr a_metrics down_in down_dapr down_metrics \
  < <(dotnet "$(out Periscope.Bench.LoadGenerator)" free-ports 11)
token=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')
mkdir -p "$work/data"
dotnet "$(out Periscope.Bench.EchoApp)" --urls "http://127.0.0.1:$app" >"$work/app.log" 2>&1 &
pids+=($!)
Store__DataDirectory="$work/data" Catalog__ReportToken="$token" Access__BootstrapKey="$token$token" \
  dotnet "$(out Periscope.Functions)" --urls "http://127.0.0.1:$functions" >"$work/functions.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$app/healthz"
wait_for "http://127.0.0.1:$functions/readyz"

sidecar() { # name, then sidecar options
  local name=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$name" "$work/Periscope.Sidecar" \
    --app-port "$app" --heartbeat-interval 1s --listen-address 127.0.0.1 "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
}
sidecar b --app-id bench-app --pod bench-b --catalog "http://127.0.0.1:$functions" --catalog-token "$token" \
  --inbound-port $b_in --dapr-http-port $b_dapr --metrics-port $b_metrics
sidecar a --app-id bench-client --pod bench-a --catalog "http://127.0.0.1:$functions" --catalog-token "$token" \
  --inbound-port $a_in --dapr-http-port $a_dapr --metrics-port $a_metrics
# No --pod: the name then comes from the host name, as when POD_NAME is not set.
sidecar down --app-id lonely --catalog "http://127.0.0.1:9" \
  --inbound-port $down_in --dapr-http-port $down_dapr --metrics-port $down_metrics
post=(-X POST -H "Content-Type: application/json" -d '{"hello":"world"}')
wait_for "http://127.0.0.1:$b_in/echo" "${post[@]}"
wait_for "http://127.0.0.1:$a_dapr/v1.0/invoke/bench-app/method/echo" "${post[@]}"
wait_for "http://127.0.0.1:$down_in/echo" "${post[@]}"

echo "Driving traffic through the sidecars under callgrind…" >&2
for _ in 1 2 3; do
  BODY_SIZE=1024 wrk -t1 -c4 -d4s -s "$repo/bench/sidecar/post.lua" "http://127.0.0.1:$a_dapr/v1.0/invoke/bench-app/method/echo" >/dev/null
  BODY_SIZE=1024 wrk -t1 -c4 -d2s -s "$repo/bench/sidecar/post.lua" "http://127.0.0.1:$b_in/echo" >/dev/null
  BODY_SIZE=1024 wrk -t1 -c2 -d2s -s "$repo/bench/sidecar/post.lua" "http://127.0.0.1:$down_in/echo" >/dev/null
  curl -fsS -o /dev/null -H "dapr-app-id: bench-app" "${post[@]}" "http://127.0.0.1:$a_dapr/echo"
  curl -fsS -o /dev/null "http://127.0.0.1:$a_dapr/v1.0/invoke/bench-app/method/echo?size=small"
  curl -sS -o /dev/null "http://127.0.0.1:$a_dapr/v1.0/invoke/nobody/method/echo"
  curl -sS -o /dev/null "http://127.0.0.1:$b_in/orders/42/items/7f3c2a9e"
  for port in $a_dapr $down_dapr; do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/v1.0/healthz"
    curl -fsS -o /dev/null "http://127.0.0.1:$port/v1.0/metadata"
  done
  for port in $a_metrics $b_metrics $down_metrics; do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/metrics"
    curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz"
    curl -sS -o /dev/null "http://127.0.0.1:$port/readyz"
  done
done

# callgrind writes its profile when the program exits; a sidecar stops on SIGTERM.
for pid in "${pids[@]:2}"; do kill -TERM "$pid"; done
for pid in "${pids[@]:2}"; do wait "$pid" || true; done
nm --defined-only "$work/Periscope.Sidecar" | awk 'NF == 3 && ($2 == "t" || $2 == "T") { print $3 }' >"$work/functions.txt"
python3 "$here/executed_functions.py" "$work/functions.txt" "$work/callgrind.b" "$work/callgrind.a" "$work/callgrind.down" >"$here/method-order.txt"
echo "method-order.txt: $(wc -l <"$here/method-order.txt") functions of $(wc -l <"$work/functions.txt") in the binary ran." >&2
