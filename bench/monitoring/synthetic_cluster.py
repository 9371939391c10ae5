"""Writes an OpenMetrics file of a synthetic Kubernetes cluster as kube-prometheus scrapes it, for
`promtool tsdb create-blocks-from openmetrics` (bench/monitoring/run.sh).

Metric and label names are those the monitoring functions query (README, "Monitoring"): node_exporter with
job="node-exporter" and instance=<node name> (kube-prometheus relabels instance to the node), cAdvisor with
job="kubelet", metrics_path="/metrics/cadvisor" (container series, and the pod-level cgroup series with
container="" that the queries must skip), kube-state-metrics with job="kube-state-metrics". Counters grow at a
steady per-series rate with noise, gauges wander; the same seed gives the same file.

usage: synthetic_cluster.py OUT --nodes 20 --pods 600 --namespaces 20 --minutes 60 --interval 30 --end UNIX_SECONDS
"""
import argparse
import random

CPU_MODES = ["idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"]


def labels(**pairs):
    return "{" + ",".join(f'{k}="{v}"' for k, v in pairs.items()) + "}"


class Writer:
    def __init__(self, out, times):
        self.out, self.times, self.series = out, times, 0
        self.families = {}

    def counter(self, name, lab, rate, start=0.0):
        self.families.setdefault(name, []).append(("c", lab, rate, start))

    def gauge(self, name, lab, value, spread=0.05):
        self.families.setdefault(name, []).append(("g", lab, value, spread))

    def flush(self, rng):
        # OpenMetrics: a family's samples together, each series' samples in time order.
        for name, members in self.families.items():
            for kind, lab, a, b in members:
                self.series += 1
                lines = []
                value = b if kind == "c" else a
                for t in self.times:
                    if kind == "c":
                        value += a * (0.8 + 0.4 * rng.random()) * (self.times[1] - self.times[0])
                    else:
                        value = max(0.0, a * (1 + b * (rng.random() * 2 - 1)))
                    lines.append(f"{name}{lab} {value:.6g} {t}\n")
                self.out.write("".join(lines))
        self.families.clear()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--nodes", type=int, default=20)
    parser.add_argument("--pods", type=int, default=600)
    parser.add_argument("--namespaces", type=int, default=20)
    parser.add_argument("--minutes", type=int, default=60)
    parser.add_argument("--interval", type=int, default=30)
    parser.add_argument("--end", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    end = args.end - args.end % args.interval
    times = list(range(end - args.minutes * 60, end + 1, args.interval))
    nodes = [f"node-{i:02d}" for i in range(args.nodes)]
    with open(args.out, "w") as out:
        w = Writer(out, times)
        for node in nodes:
            n = dict(job="node-exporter", instance=node)
            for cpu in range(8):
                for mode in CPU_MODES:
                    share = {"idle": 0.55, "user": 0.25, "system": 0.1, "iowait": 0.04}.get(mode, 0.015)
                    w.counter("node_cpu_seconds_total", labels(**n, cpu=cpu, mode=mode), share * (0.5 + rng.random()), rng.random() * 1e6)
            for i, name in enumerate(["node_load1", "node_load5", "node_load15"]):
                w.gauge(name, labels(**n), 2 + rng.random() * 4, 0.3 - 0.1 * i)
            total = 32 * 2**30
            w.gauge("node_memory_MemTotal_bytes", labels(**n), total, 0)
            w.gauge("node_memory_MemAvailable_bytes", labels(**n), total * (0.2 + 0.6 * rng.random()))
            w.gauge("node_memory_SwapTotal_bytes", labels(**n), 2 * 2**30, 0)
            w.gauge("node_memory_SwapFree_bytes", labels(**n), 2 * 2**30 * rng.random())
            for device, mount in (("/dev/sda1", "/"), ("/dev/sdb1", "/var/lib/kubelet")):
                fs = labels(**n, device=device, fstype="ext4", mountpoint=mount)
                size = 200 * 2**30
                w.gauge("node_filesystem_size_bytes", fs, size, 0)
                w.gauge("node_filesystem_avail_bytes", fs, size * (0.1 + 0.8 * rng.random()), 0.01)
            for device in ("sda", "sdb"):
                d = labels(**n, device=device)
                w.counter("node_disk_reads_completed_total", d, 50 * rng.random())
                w.counter("node_disk_writes_completed_total", d, 80 * rng.random())
                w.counter("node_disk_read_bytes_total", d, 2e6 * rng.random())
                w.counter("node_disk_written_bytes_total", d, 4e6 * rng.random())
            for device in ("eth0", "lo"):
                d = labels(**n, device=device)
                for direction in ("receive", "transmit"):
                    w.counter(f"node_network_{direction}_bytes_total", d, 5e6 * rng.random())
                    w.counter(f"node_network_{direction}_errs_total", d, 0.01 * rng.random())
                    w.counter(f"node_network_{direction}_drop_total", d, 0.01 * rng.random())
        w.flush(rng)
        for p in range(args.pods):
            namespace = f"team-{p % args.namespaces:02d}"
            pod = f"app-{p:04d}-7c9d8b5f4-{p * 7919 % 100000:05x}"
            node = nodes[p % len(nodes)]
            containers = ["app"] + (["sidecar"] if p % 2 == 0 else [])
            cad = dict(job="kubelet", metrics_path="/metrics/cadvisor", instance=node, namespace=namespace, pod=pod)
            # The pod's own cgroup: container="" and image="", which the functions' queries leave out.
            w.counter("container_cpu_usage_seconds_total", labels(**cad, container="", image=""), 0.3 * rng.random())
            w.gauge("container_memory_working_set_bytes", labels(**cad, container="", image=""), 3e8 * rng.random())
            for c in containers:
                lab = labels(**cad, container=c, image=f"registry.example/{c}:1.{p % 9}")
                w.counter("container_cpu_usage_seconds_total", lab, 0.2 * rng.random())
                w.gauge("container_memory_working_set_bytes", lab, 2e8 * rng.random())
                w.counter("container_fs_reads_bytes_total", labels(**cad, container=c, image=f"registry.example/{c}:1.{p % 9}", device="/dev/sda"), 1e4 * rng.random())
                w.counter("container_fs_writes_bytes_total", labels(**cad, container=c, image=f"registry.example/{c}:1.{p % 9}", device="/dev/sda"), 2e4 * rng.random())
            for direction in ("receive", "transmit"):
                w.counter(f"container_network_{direction}_bytes_total", labels(**cad, container="POD", image="", interface="eth0"), 1e5 * rng.random())
            ksm = dict(job="kube-state-metrics", namespace=namespace, pod=pod)
            for c in containers:
                w.counter("kube_pod_container_status_restarts_total", labels(**ksm, container=c), 0.0005 if p % 50 == 0 else 0)
                w.gauge("kube_pod_container_status_ready", labels(**ksm, container=c), 1, 0)
            for phase in ("Pending", "Running", "Succeeded", "Failed", "Unknown"):
                w.gauge("kube_pod_status_phase", labels(**ksm, phase=phase), 1 if phase == "Running" else 0, 0)
        w.flush(rng)
        out.write("# EOF\n")
    print(f"{w.series} series x {len(times)} samples ({times[0]}..{times[-1]})")


if __name__ == "__main__":
    main()
