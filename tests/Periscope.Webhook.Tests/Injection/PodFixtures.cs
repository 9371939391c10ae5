using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Periscope.Webhook.Tests.Injection;

/// <summary>The real pod specs in ../shared/testdata/pods (Istio's injector fixtures, a kwctl AdmissionReview) as Pod JSON.</summary>
internal static class PodFixtures
{
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder()).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            names.Add(file!);
        }

        return names;
    }

    /// <summary>The fixture file as it is (JSON or YAML) as JSON.</summary>
    public static JsonObject LoadDocument(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder(), name));
        return (name.EndsWith(".json", StringComparison.Ordinal) ? JsonNode.Parse(text) : EmulatorPatching.ParseYaml(text))!.AsObject();
    }

    /// <summary>A Pod as the API server would admit it: a Deployment's, StatefulSet's or Job's pod template, or the review's object.</summary>
    public static JsonObject Load(string name)
    {
        var document = LoadDocument(name);
        if (document["kind"]?.GetValue<string>() == "AdmissionReview")
        {
            return document["request"]!["object"]!.AsObject().DeepClone().AsObject();
        }

        if (document["kind"]?.GetValue<string>() == "Pod")
        {
            return document;
        }

        var template = document["spec"]!["template"]!.AsObject();
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = template["metadata"]?.DeepClone() ?? new JsonObject(),
            ["spec"] = template["spec"]!.DeepClone(),
        };
    }

    /// <summary>
    /// <see cref="Load"/>, plus a <c>periscope.dev/app-port</c> annotation when the first container declares no port
    /// (istio_job.yaml, the kwctl review): without one the injector skips the pod (no-app-port).
    /// </summary>
    public static JsonObject LoadInjectable(string name)
    {
        var pod = Load(name);
        if (!HasContainerPort(pod))
        {
            var metadata = pod["metadata"] as JsonObject ?? [];
            pod["metadata"] = metadata;
            var annotations = metadata["annotations"] as JsonObject ?? [];
            metadata["annotations"] = annotations;
            annotations["periscope.dev/app-port"] = "8080";
        }

        return pod;
    }

    public static bool HasContainerPort(JsonObject pod) =>
        pod["spec"]?["containers"]?[0]?["ports"] is JsonArray { Count: > 0 };

    public static string FolderPath() => Folder();

    /// <summary>Found from this source file's path, since builds may put the binaries anywhere (--artifacts-path).</summary>
    private static string Folder([CallerFilePath] string source = "")
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(source)!); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                var pods = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "testdata", "pods"));
                return Directory.Exists(pods) && Directory.EnumerateFiles(pods).Any()
                    ? pods
                    : throw new InvalidOperationException(
                        $"The real pod fixtures are missing: expected files in {pods} beside the repository root {directory.FullName}.");
            }
        }

        throw new InvalidOperationException($"No folder containing Serverless.sln above {source}; cannot find ../shared/testdata/pods.");
    }
}
