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


def start(args, data, port):
    environment = dict(os.environ, DOTNET_NOLOGO="1")
    command = ["dotnet", args.dll, "--urls", f"http://127.0.0.1:{port}", f"--Store:DataDirectory={data}",
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
    parser.add_argument("--dll", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--key", default="bench-coldstart-admin-key-0123456789")
    args = parser.parse_args()
    auth = {"Authorization": f"Bearer {args.key}"}
    results = {"empty store": ([], []), "existing store": ([], [])}
    kept = tempfile.mkdtemp(prefix="periscope-coldstart-")
    try:
        for run in range(args.runs):
            for case, (ready_times, answer_times) in results.items():
                data = os.path.join(kept, "kept") if case == "existing store" else tempfile.mkdtemp(dir=kept)
                port = free_port()
                began = time.perf_counter()
                process = start(args, data, port)
                try:
                    ready = first_answer(port, "/readyz", {}, began + 30)
                    answered = first_answer(port, "/api/services", auth, began + 30)
                finally:
                    process.terminate()
                    process.wait()
                if ready is None or answered is None:
                    sys.exit(f"{case}: the host did not answer within 30 s")
                if case == "existing store" and run == 0:
                    continue  # the first start created it
                ready_times.append(ready - began)
                answer_times.append(answered - began)
    finally:
        shutil.rmtree(kept, ignore_errors=True)

    print(f"Functions host, process start to first answers ({args.runs} starts each; the existing store's first start, which "
          "created it, not counted); seconds:")
    print()
    print("| store | first 200 from /readyz: p50 | max | first 200 from GET /api/services: p50 | max |")
    print("|:--|--:|--:|--:|--:|")
    for case, (ready_times, answer_times) in results.items():
        print(f"| {case} | {statistics.median(ready_times):.3f} | {max(ready_times):.3f} | "
              f"{statistics.median(answer_times):.3f} | {max(answer_times):.3f} |")
    worst = max(statistics.median(answer_times) for _, answer_times in results.values())
    print()
    print(("PASS" if worst <= TARGET_S else "MISS") + f"  cold start to first answer within {TARGET_S} s at the median "
          f"(ARCHITECTURE.md): {worst:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
