"""Times the functions host from process start to its first answers; called by run.sh."""
import argparse
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_S = 0.3


def first_answer(port, path, headers, deadline):
    """Seconds until GET path answers 200, polling as fast as connections are refused; None past the deadline."""
    while time.perf_counter() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status == 200:
                return time.perf_counter()
        except (ConnectionError, OSError):
            pass
        time.sleep(0.0005)
    return None


def start(args, dll, data, port):
    environment = dict(os.environ, DOTNET_NOLOGO="1")
    launcher = ["dotnet", dll] if dll.endswith(".dll") else [dll]  # a self-contained publish starts from its apphost
    command = [*launcher, "--urls", f"http://127.0.0.1:{port}", f"--Store:DataDirectory={data}",
               "--Catalog:ReportToken=bench-coldstart-report-token-0123", f"--Access:BootstrapKey={args.key}",
               "--Logging:LogLevel:Default=Warning"]
    return subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", action="append", required=True, metavar="LABEL=PATH",
                        help="a build to start (a .dll, started with dotnet, or an executable); several are started in turn within each run, so they share the machine's state")
    parser.add_argument("--judge", help="the build the target applies to (default: the last)")
    parser.add_argument("--yardstick", help="a build the others are divided by (an empty host: this machine's floor now)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--key", default="bench-coldstart-admin-key-0123456789")
    args = parser.parse_args()
    auth = {"Authorization": f"Bearer {args.key}"}
    builds = dict(build.split("=", 1) for build in args.build)
    judged = args.judge or list(builds)[-1]
    results = {(label, case): ([], []) for label in builds for case in ("empty store", "existing store")}
    kept = tempfile.mkdtemp(prefix="periscope-coldstart-")
    try:
        for run in range(args.runs):
            for (label, case), (ready_times, answer_times) in results.items():
                data = os.path.join(kept, label) if case == "existing store" else tempfile.mkdtemp(dir=kept)
                port = free_port()
                began = time.perf_counter()
                process = start(args, builds[label], data, port)
                try:
                    ready = first_answer(port, "/readyz", {}, began + 30)
                    answered = first_answer(port, "/api/services", auth, began + 30)
                finally:
                    process.terminate()
                    process.wait()
                if ready is None or answered is None:
                    sys.exit(f"{label}, {case}: the host did not answer within 30 s")
                if case == "existing store" and run == 0:
                    continue  # the first start created it
                ready_times.append(ready - began)
                answer_times.append(answered - began)
    finally:
        shutil.rmtree(kept, ignore_errors=True)

    print(f"Functions host, process start to first answers ({args.runs} starts each; the existing store's first start, which "
          "created it, not counted); seconds:")
    print()
    print("| build | store | first 200 from /readyz: p50 | max | first 200 from GET /api/services: p50 | max |")
    print("|:--|:--|--:|--:|--:|--:|")
    for (label, case), (ready_times, answer_times) in results.items():
        print(f"| {label} | {case} | {statistics.median(ready_times):.3f} | {max(ready_times):.3f} | "
              f"{statistics.median(answer_times):.3f} | {max(answer_times):.3f} |")
    if args.yardstick:
        print()
        floor = {case: statistics.median(answers) for (label, case), (_, answers) in results.items() if label == args.yardstick}
        for (label, case), (_, answers) in results.items():
            if label != args.yardstick:
                print(f"{label}, {case}: {statistics.median(answers) / floor[case]:.2f}x the {args.yardstick} host's first answer "
                      f"(+{statistics.median(answers) - floor[case]:.3f} s)")
    worst = max(statistics.median(answer_times) for (label, _), (_, answer_times) in results.items() if label == judged)
    print()
    print(("PASS" if worst <= TARGET_S else "MISS") + f"  {judged}: cold start to first answer within {TARGET_S} s at the "
          f"median (ARCHITECTURE.md): {worst:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
