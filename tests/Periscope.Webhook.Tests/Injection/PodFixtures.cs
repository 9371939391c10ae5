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

    /// <summary>A Pod as the API server would admit it: a Deployment's, StatefulSet's or Job's pod template, or the review's object.</summary>
    public static JsonObject Load(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder(), name));
        var document = (name.EndsWith(".json", StringComparison.Ordinal) ? JsonNode.Parse(text) : EmulatorPatching.ParseYaml(text))!.AsObject();
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
