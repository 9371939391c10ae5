using System.Text.Json.Nodes;
using Periscope.Webhook.Injection;

namespace Periscope.Webhook.Tests.Injection;

public sealed class SidecarInjectorFixtureTests
{
    public static TheoryData<string> Fixtures => PodFixtures.Names();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Review_RealPod_PatchAppliesAndKeepsEverythingElse(string fixture)
    {
        foreach (var minor in new[] { 28, 29 })
        {
            var pod = PodFixtures.LoadInjectable(fixture);
            var original = pod.DeepClone().AsObject();

            var decision = SidecarInjector.Review(pod, "shop", TestPods.Context(minor));
            var patched = TestPods.Apply(pod, decision);

            Assert.True(JsonNode.DeepEquals(original, pod), "Review must not modify its input");
            var all = ((patched["spec"]!["initContainers"] as JsonArray) ?? []).Concat(patched["spec"]!["containers"]!.AsArray()).ToList();
            Assert.Single(all, c => c!["name"]!.GetValue<string>() == InjectionNames.SidecarContainer);
            AssertOriginalKept(original, patched, minor >= 29);
            Assert.Equal("injected", patched["metadata"]!["annotations"]![InjectionNames.StatusAnnotation]!.GetValue<string>());
            Assert.Equal("true", patched["metadata"]!["labels"]![InjectionNames.InjectedLabel]!.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Review_PatchedRealPod_SkipsAlreadyInjected(string fixture)
    {
        var pod = PodFixtures.LoadInjectable(fixture);
        var patched = TestPods.Apply(pod, SidecarInjector.Review(pod, "shop", TestPods.Context()));

        var again = SidecarInjector.Review(patched, "shop", TestPods.Context());

        Assert.False(again.Inject);
        Assert.Equal(SkipReasons.AlreadyInjected, again.Reason);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Review_RealPodWithoutPort_SkipsNoAppPort(string fixture)
    {
        var pod = PodFixtures.Load(fixture);

        var decision = SidecarInjector.Review(pod, "shop", TestPods.Context());

        // istio_job.yaml and the kwctl review declare no containerPort; the others do.
        Assert.Equal(!PodFixtures.HasContainerPort(pod), decision.Reason == SkipReasons.NoAppPort);
        Assert.Equal(PodFixtures.HasContainerPort(pod), decision.Inject);
    }

    private static void AssertOriginalKept(JsonObject original, JsonObject patched, bool native)
    {
        var spec = original["spec"]!.AsObject();
        var newSpec = patched["spec"]!.AsObject();
        Assert.True(JsonNode.DeepEquals(spec["volumes"], newSpec["volumes"]), "volumes changed");
        foreach (var (key, value) in spec.Where(p => p.Key is not "containers" and not "initContainers"))
        {
            Assert.True(JsonNode.DeepEquals(value, newSpec[key]), $"spec.{key} changed");
        }

        var initContainers = ((newSpec["initContainers"] as JsonArray) ?? []).ToList();
        var oldInit = ((spec["initContainers"] as JsonArray) ?? []).ToList();
        var keptInit = native ? initContainers.Skip(1).ToList() : initContainers;
        Assert.Equal(oldInit.Count, keptInit.Count);
        Assert.All(oldInit.Zip(keptInit), p => Assert.True(JsonNode.DeepEquals(p.First, p.Second), "an init container changed"));

        var containers = spec["containers"]!.AsArray();
        for (var i = 0; i < containers.Count; i++)
        {
            var before = containers[i]!.AsObject();
            var after = newSpec["containers"]![i]!.AsObject();
            Assert.Equal("3500", TestPods.Env(after, "DAPR_HTTP_PORT"));
            Assert.Equal("http://127.0.0.1:3500", TestPods.Env(after, "DAPR_HTTP_ENDPOINT"));
            var oldEnv = ((before["env"] as JsonArray) ?? []).ToList();
            Assert.All(oldEnv.Zip(after["env"]!.AsArray()), p => Assert.True(JsonNode.DeepEquals(p.First, p.Second), "an env var changed"));
            foreach (var (key, value) in before.Where(p => p.Key != "env"))
            {
                Assert.True(JsonNode.DeepEquals(value, after[key]), $"containers[{i}].{key} changed");
            }
        }
    }
}
