using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Periscope.Webhook.Admission;
using Periscope.Webhook.Configuration;
using Periscope.Webhook.Injection;
using Periscope.Webhook.Tests.Hosting;
using Periscope.Webhook.Tests.Injection;

namespace Periscope.Webhook.Tests.Admission;

/// <summary>
/// Property test over thousands of mutated AdmissionReviews: the handler always answers (200 or 4xx, never an
/// exception), never hits its internal-error path, echoes the uid, and every patch applies to the pod with the
/// emulated API server's RFC 6902 implementation, leaving an object with spec.containers that a second review leaves
/// alone. Set PERISCOPE_FUZZ_SEED to replay a failure.
/// </summary>
public sealed class AdmissionFuzzTests
{
    private const int Cases = 2000;

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int> { 20261122 };
        seeds.Add(int.TryParse(Environment.GetEnvironmentVariable("PERISCOPE_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given)
            ? given
            : Environment.TickCount & int.MaxValue);
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Handle_MutatedReviews_AlwaysAnswersAndPatchesApply(int seed)
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var reviewer = new RecordingReviewer();
        var handler = Handler(services, minor: seed % 2 == 0 ? 30 : 28, reviewer);
        var bases = BaseReviews();
        var mutator = new ReviewMutator(seed);
        var watch = Stopwatch.StartNew();
        var patched = 0;

        for (var i = 0; i < Cases; i++)
        {
            var review = mutator.Mutate(bases[i % bases.Count]);
            var body = mutator.Encode(review);
            var where = $"seed {seed} (PERISCOPE_FUZZ_SEED={seed}), case {i}";
            AdmissionReply reply;
            try
            {
                reply = handler.Handle(body);
            }
            catch (Exception e)
            {
                Assert.Fail($"{where}: the handler threw {e}\nbody: {Preview(body)}");
                return;
            }

            Assert.True(reply.StatusCode is 200 or 400, $"{where}: status {reply.StatusCode}");
            if (reply.StatusCode == 200)
            {
                // The body, not the review: a flipped byte may still parse.
                Assert.True(reviewer.Failure is null, $"{where}: the review failed inside: {reviewer.Failure}\nbody: {Preview(body)}");
                patched += CheckAnswer(handler, JsonNode.Parse(body)!.AsObject(), reply, where, reviewAgain: i % 3 == 0) ? 1 : 0;
            }
        }

        Assert.True(patched > Cases / 20, $"seed {seed}: only {patched} of {Cases} cases were injected; the generator no longer exercises patches");
        // About a second on an idle 2-core machine; the bound only catches a pathological slowdown (a regex gone
        // quadratic on a huge annotation) without failing when parallel builds load the machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"seed {seed}: {Cases} cases took {watch.Elapsed}");
    }

    [Fact]
    public async Task Mutate_MutatedReviewsOverHttps_NeverAServerError()
    {
        await using var server = await WebhookTestServer.StartAsync();
        using var client = server.CreateHttpsClient();
        var bases = BaseReviews();
        var mutator = new ReviewMutator(7);

        for (var i = 0; i < 200; i++)
        {
            using var content = new ByteArrayContent(mutator.Encode(mutator.Mutate(bases[i % bases.Count])));
            content.Headers.ContentType = new("application/json");
            using var response = await client.PostAsync("/mutate", content);

            Assert.True((int)response.StatusCode is 200 or 400, $"seed 7, case {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    internal static AdmissionHandler Handler(IServiceProvider services, int minor, IPodReviewer? reviewer = null) =>
        new(
            new InjectionOptionsSource(new InjectionOptions("ghcr.io/periscope/sidecar:1.0.0", "http://catalog.periscope.svc:7071", minor)),
            reviewer ?? new SidecarPodReviewer(),
            new AdmissionMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            NullLogger<AdmissionHandler>.Instance);

    private static List<JsonObject> BaseReviews() =>
    [
        AdmissionReviews.Real(),
        .. Directory.EnumerateFiles(PodFixtures.FolderPath()).Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(name => name!).Select(name => AdmissionReviews.ForPod(PodFixtures.LoadInjectable(name))),
        AdmissionReviews.ForPod(TestPods.Pod(extraSpec: "\"initContainers\": [ { \"name\": \"migrate\", \"image\": \"busybox\" } ]")),
    ];

    /// <returns>Whether the answer carried a patch.</returns>
    /// <param name="reviewAgain">Also review the patched pod, which must then get no patch (idempotence).</param>
    private static bool CheckAnswer(AdmissionHandler handler, JsonObject review, AdmissionReply reply, string where, bool reviewAgain)
    {
        var answer = JsonNode.Parse(reply.Body)!["response"]!.AsObject();
        Assert.True(answer["allowed"]!.GetValue<bool>(), $"{where}: not allowed");
        Assert.Equal(review["request"]!["uid"]!.GetValue<string>(), answer["uid"]!.GetValue<string>());
        var warnings = (answer["warnings"] as JsonArray)?.Select(w => w!.GetValue<string>()).ToList() ?? [];
        Assert.False(warnings.Contains(AdmissionHandler.InternalErrorWarning), $"{where}: the review failed inside\n{Preview(review)}");
        if (answer["patch"] is not { } encoded)
        {
            return false;
        }

        var patch = JsonNode.Parse(Convert.FromBase64String(encoded.GetValue<string>()))!.AsArray();
        var pod = review["request"]!["object"]!.AsObject();
        JsonObject result;
        try
        {
            result = EmulatorPatching.Apply(pod, patch);
        }
        catch (InvalidOperationException e)
        {
            Assert.Fail($"{where}: {e.Message}\npod: {Preview(pod)}");
            return false;
        }

        Assert.True(result["spec"]?["containers"] is JsonArray, $"{where}: the patched pod has no spec.containers");
        if (!reviewAgain)
        {
            return true;
        }

        var again = review.DeepClone().AsObject();
        again["request"]!["object"] = result;
        if (TryWrite(again) is not { } againBody)
        {
            // A mutation escaped a lone surrogate (\ude00): valid JSON the handler answers, but System.Text.Json
            // cannot write it back out, so there is no second review to send.
            return true;
        }

        var second = JsonNode.Parse(handler.Handle(Encoding.UTF8.GetBytes(againBody)).Body)!["response"]!;
        Assert.True(second["patch"] is null, $"{where}: the patched pod was injected again\npod: {Preview(pod)}");
        return true;
    }

    /// <summary>For failure messages, which are built whether or not the assertion fails: never throws.</summary>
    private static string Preview(JsonNode node) =>
        TryWrite(node) is { } text ? Preview(Encoding.UTF8.GetBytes(text)) : "(a document System.Text.Json cannot write back: it holds an escaped lone surrogate)";

    private static string? TryWrite(JsonNode node)
    {
        try
        {
            return node.ToJsonString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Preview(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= 2000 ? text : text[..2000] + "…";
    }

    /// <summary>The injector, remembering what it threw so the failure names the bug and not only the warning.</summary>
    private sealed class RecordingReviewer : IPodReviewer
    {
        public Exception? Failure { get; private set; }

        public InjectionDecision Review(JsonNode pod, string @namespace, InjectionContext context)
        {
            try
            {
                return SidecarInjector.Review(pod, @namespace, context);
            }
            catch (Exception e)
            {
                Failure = e;
                throw;
            }
        }
    }
}
