using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Webhook.Admission;
using Periscope.Webhook.Injection;
using Periscope.Webhook.Tests.Hosting;
using Periscope.Webhook.Tests.Injection;

namespace Periscope.Webhook.Tests.Admission;

public sealed class AdmissionFailureTests
{
    [Fact]
    public async Task Mutate_ReviewerThrows_AllowsWithWarningAndCountsError()
    {
        await using var server = await WebhookTestServer.StartAsync(
            services: s => s.AddSingleton<IPodReviewer>(new ThrowingReviewer()));
        using var client = server.CreateHttpsClient();

        var response = await WebhookTestServer.ReviewAsync(client, AdmissionReviews.ForPod(TestPods.Pod(), uid: "boom-1"));

        Assert.Equal("boom-1", response["uid"]!.GetValue<string>());
        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Null(response["patch"]);
        Assert.Equal(AdmissionHandler.InternalErrorWarning, Assert.Single(response["warnings"]!.AsArray())!.GetValue<string>());
        Assert.Contains("result=\"error\"", await server.MetricsAsync(), StringComparison.Ordinal);
    }

    /// <summary>Fails the way a bug would: an exception from deep inside the review.</summary>
    private sealed class ThrowingReviewer : IPodReviewer
    {
        public InjectionDecision Review(JsonNode pod, string @namespace, InjectionContext context) =>
            throw new InvalidOperationException("simulated injector bug");
    }
}
