using System.Net;
using System.Text;

namespace Periscope.Functions.Notifications;

/// <summary>An e-mail's subject, plain-text body and HTML body (every value HTML-encoded).</summary>
internal static class EmailTemplate
{
    public static (string Subject, string Text, string Html) Render(AlertDigest digest, MessageTexts texts, TimeZoneInfo zone, int listed)
    {
        var headline = texts.Headline(digest);
        var text = new StringBuilder().Append(headline).Append('\n');
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><h2 style=\"color:")
            .Append(digest.Firing > 0 ? "#c62828" : "#2e7d32").Append("\">").Append(Encode(headline)).Append("</h2>");
        foreach (var alert in digest.Alerts.Take(listed))
        {
            var facts = AlertFacts.From(alert, texts, zone);
            var title = $"[{texts.StatusWord(facts.Firing)}] {facts.Name}" + (facts.Severity is { } severity ? $" · {severity}" : "");
            text.Append('\n').Append(title).Append('\n');
            html.Append("<h3>").Append(Encode(title)).Append("</h3><table cellpadding=\"4\" style=\"border-collapse:collapse\">");
            foreach (var (label, value) in facts.Fields)
            {
                text.Append("  ").Append(label).Append(": ").Append(value).Append('\n');
                html.Append("<tr><th align=\"left\">").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");
            }

            html.Append("</table>");
            if (facts.Links.Count > 0)
            {
                text.Append("  ").AppendJoin(" | ", facts.Links.Select(link => $"{link.Key}: {link.Value}")).Append('\n');
                html.Append("<p>").AppendJoin(" | ", facts.Links.Select(link => $"<a href=\"{Encode(link.Value)}\">{Encode(link.Key)}</a>")).Append("</p>");
            }
        }

        if (digest.Alerts.Count > listed)
        {
            var more = texts.More(digest.Alerts.Count - listed);
            text.Append('\n').Append(more).Append('\n');
            html.Append("<p><em>").Append(Encode(more)).Append("</em></p>");
        }

        html.Append("</body></html>");
        return (headline, text.ToString(), html.ToString());
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
