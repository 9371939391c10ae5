using System.Text;

namespace Periscope.Functions.Notifications;

/// <summary>
/// Markdown for the DingTalk and WeCom robots. DingTalk renders headings, bold, lists and links
/// (open.dingtalk.com/document/orgapp/custom-robots-send-group-messages, msgtype markdown); WeCom renders
/// headings, bold, links, quotes and <c>&lt;font color="warning|info|comment"&gt;</c> but no lists
/// (developer.work.weixin.qq.com/document/path/91770, markdown类型), so its fields are quoted lines.
/// </summary>
internal static class MarkdownTemplate
{
    public static string Render(AlertDigest digest, MessageTexts texts, TimeZoneInfo zone, int listed, bool wecom)
    {
        var text = new StringBuilder();
        text.Append("### ").Append(texts.Headline(digest)).Append('\n');
        foreach (var alert in digest.Alerts.Take(listed))
        {
            var facts = AlertFacts.From(alert, texts, zone);
            var status = texts.StatusWord(facts.Firing);
            text.Append('\n');
            text.Append(wecom
                ? $"**<font color=\"{(facts.Firing ? "warning" : "info")}\">[{status}]</font> {facts.Name}**"
                : $"**[{status}] {facts.Name}**");
            if (facts.Severity is { } severity)
            {
                text.Append(" · ").Append(severity);
            }

            text.Append('\n');
            foreach (var (label, value) in facts.Fields)
            {
                text.Append(wecom ? "> " : "- ").Append("**").Append(label).Append("**: ").Append(value).Append('\n');
            }

            if (facts.Links.Count > 0)
            {
                text.Append(wecom ? "> " : "- ").AppendJoin(" | ", facts.Links.Select(link => $"[{link.Key}]({link.Value})")).Append('\n');
            }
        }

        if (digest.Alerts.Count > listed)
        {
            text.Append('\n').Append(texts.More(digest.Alerts.Count - listed));
            if (digest.ExternalUrl is { } externalUrl)
            {
                text.Append(" · [").Append(texts.Alertmanager).Append("](").Append(externalUrl).Append(')');
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
