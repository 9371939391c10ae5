using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Periscope.Functions.Tests.Alerts;

/// <summary>Alertmanager webhook payloads (version 4) as Alertmanager 0.25 writes them, and the real ones in ../shared/testdata.</summary>
internal static class AlertPayloads
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    /// <summary>One alert: labels alertname, namespace, severity, pod and <paramref name="extra"/>; firing unless <paramref name="endsAt"/> is given.</summary>
    public static JsonObject Alert(
        string alertName, string @namespace, int index = 0, DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null,
        string severity = "warning", params (string Name, string Value)[] extra)
    {
        var labels = new JsonObject
        {
            ["alertname"] = alertName,
            ["namespace"] = @namespace,
            ["severity"] = severity,
            ["pod"] = $"pod-{index.ToString(CultureInfo.InvariantCulture)}",
        };
        foreach (var (name, value) in extra)
        {
            labels[name] = value;
        }

        return new JsonObject
        {
            ["status"] = endsAt is null ? "firing" : "resolved",
            ["labels"] = labels,
            ["annotations"] = new JsonObject { ["summary"] = $"{alertName} on pod-{index}", ["description"] = new string('x', 200) },
            ["startsAt"] = (startsAt ?? Start).ToString("O", CultureInfo.InvariantCulture),
            ["endsAt"] = (endsAt ?? DateTimeOffset.MinValue).ToString(endsAt is null ? "yyyy-MM-ddTHH:mm:ssZ" : "O", CultureInfo.InvariantCulture),
            ["generatorURL"] = "http://prometheus:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1",
            ["fingerprint"] = $"{alertName.GetHashCode(StringComparison.Ordinal) & 0xffffff:x6}{@namespace.Length:x2}{index:x8}",
        };
    }

    public static string Group(string groupKey, IEnumerable<JsonObject> alerts, int truncated = 0, string version = "4")
    {
        var list = new JsonArray(alerts.Select(alert => (JsonNode)alert).ToArray());
        var firing = list.Any(alert => alert!["status"]!.GetValue<string>() == "firing");
        return new JsonObject
        {
            ["version"] = version,
            ["groupKey"] = groupKey,
            ["truncatedAlerts"] = truncated,
            ["status"] = firing ? "firing" : "resolved",
            ["receiver"] = "periscope",
            ["groupLabels"] = new JsonObject { ["alertname"] = groupKey },
            ["commonLabels"] = new JsonObject(),
            ["commonAnnotations"] = new JsonObject(),
            ["externalURL"] = "http://alertmanager:9093",
            ["alerts"] = list,
        }.ToJsonString();
    }

    /// <summary>A file of ../shared/testdata/alertmanager; fails clearly when the folder is absent.</summary>
    /// <remarks>Found from this source file's path, since builds may put the binaries anywhere (--artifacts-path).</remarks>
    public static string TestData(string name, [CallerFilePath] string source = "")
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(source)!); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "..", "shared", "testdata", "alertmanager", name);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        Assert.Fail($"../shared/testdata/alertmanager/{name} not found above {source}: the real Alertmanager payloads are missing.");
        return "";
    }
}
