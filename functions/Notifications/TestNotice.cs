using Periscope.Functions.Alerts;

namespace Periscope.Functions.Notifications;

/// <summary>The notice a channel test sends: one resolved-looking info alert that says it is a test.</summary>
internal static class TestNotice
{
    public static AlertGroupNotice Create(NotificationChannel channel, DateTimeOffset now)
    {
        var labels = new Dictionary<string, string>
        {
            ["alertname"] = "PeriscopeTestMessage",
            ["severity"] = "info",
            ["channel"] = channel.Name,
        };
        var annotations = new Dictionary<string, string> { ["summary"] = MessageTexts.For(channel.Language).TestSummary };
        var alert = new AlertNotice(0, "test-" + channel.Name, "firing", labels, annotations, now, null, null, AlertEnrichment.None);
        return new AlertGroupNotice(
            "periscope/test", "periscope", "firing", new Dictionary<string, string>(), labels, annotations, null, [alert]);
    }
}
