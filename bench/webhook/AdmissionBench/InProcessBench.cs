using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Periscope.Webhook.Admission;
using Periscope.Webhook.Configuration;
using Periscope.Webhook.Injection;

namespace Periscope.Bench.Admission;

/// <summary>
/// In process, one thread: <see cref="SidecarInjector.Review"/> on a parsed pod, and <see cref="AdmissionHandler.Handle"/>
/// on the review's bytes (UTF-8 check, parse, review, base64 patch, response serialization, metrics). The CPU clock is read
/// outside the timed span, so the wall figures do not include its system call.
/// </summary>
internal static class InProcessBench
{
    public static (Latencies Review, Latencies Handle) Run(IReadOnlyList<(string Name, JsonObject Pod)> pods, int iterations, int minor)
    {
        var options = new InjectionOptions("ghcr.io/periscope/sidecar:1.0.0", "http://periscope-functions.periscope-system.svc:7071", minor);
        var context = new InjectionContext(options);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var handler = new AdmissionHandler(
            new InjectionOptionsSource(options),
            new SidecarPodReviewer(),
            new AdmissionMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            NullLogger<AdmissionHandler>.Instance);
        var reviews = pods.Select((p, i) => BenchPods.Review(p.Pod, i)).ToArray();

        // Warm-up: tiered compilation and PGO settle before anything is timed.
        for (var i = 0; i < Math.Min(iterations, 5000); i++)
        {
            Require(SidecarInjector.Review(pods[i % pods.Count].Pod, "shop", context).Inject, pods[i % pods.Count].Name);
            handler.Handle(reviews[i % reviews.Length]);
        }

        var review = new Latencies($"in process: SidecarInjector.Review (1.{minor})", iterations);
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var cpu = ThreadCpuClock.NowNanoseconds();
            var started = Stopwatch.GetTimestamp();
            SidecarInjector.Review(pods[i % pods.Count].Pod, "shop", context);
            review.Add(started);
            review.AddCpu(cpu);
        }

        review.Wall = wall.Elapsed;

        var handle = new Latencies($"in process: AdmissionHandler.Handle (1.{minor})", iterations);
        wall.Restart();
        for (var i = 0; i < iterations; i++)
        {
            var cpu = ThreadCpuClock.NowNanoseconds();
            var started = Stopwatch.GetTimestamp();
            var reply = handler.Handle(reviews[i % reviews.Length]);
            handle.Add(started);
            handle.AddCpu(cpu);
            Require(reply.StatusCode == 200, "status");
        }

        handle.Wall = wall.Elapsed;
        return (review, handle);
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"the benchmark's pod {what} was not injected / answered; the figures would be meaningless");
        }
    }
}
