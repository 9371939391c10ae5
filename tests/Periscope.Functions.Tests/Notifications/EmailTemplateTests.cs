using Periscope.Functions.Alerts;
using Periscope.Functions.Notifications;

namespace Periscope.Functions.Tests.Notifications;

public sealed class EmailTemplateTests
{
    [Fact]
    public void Render_ValuesWithMarkup_HtmlEncodedTextPlain()
    {
        var alert = NotificationSamples.Alert(1) with
        {
            Annotations = new Dictionary<string, string> { ["summary"] = "<script>alert(1)</script> & more" },
        };
        var digest = AlertDigest.From([NotificationSamples.Notice("g", alert)]);

        var (subject, text, html) = EmailTemplate.Render(digest, MessageTexts.English, TimeZoneInfo.Utc, 20);

        Assert.Equal("[FIRING 1] HighCpu", subject);
        Assert.Contains("  Summary: <script>alert(1)</script> & more\n", text, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2026-11-22 14:05:00 (UTC+00:00)</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoEnrichment_OmitsEmptyFields()
    {
        var digest = AlertDigest.From([NotificationSamples.Notice("g", NotificationSamples.Alert(1, enrichment: AlertEnrichment.None))]);

        var (_, text, _) = EmailTemplate.Render(digest, MessageTexts.English, TimeZoneInfo.Utc, 20);

        Assert.DoesNotContain("Service:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Restarts:", text, StringComparison.Ordinal);
    }
}
