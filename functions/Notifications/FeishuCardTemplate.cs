using System.Text;
using System.Text.Json.Nodes;

namespace Periscope.Functions.Notifications;

/// <summary>
/// A Feishu message card (<c>msg_type: interactive</c>): a red or green header with the headline, one
/// <c>lark_md</c> block per alert, and a note counting the alerts not listed
/// (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot, 发送消息卡片).
/// </summary>
internal static class FeishuCardTemplate
{
    public static JsonObject Render(AlertDigest digest, MessageTexts texts, TimeZoneInfo zone, int listed)
    {
        var elements = new JsonArray();
        foreach (var alert in digest.Alerts.Take(listed))
        {
            var facts = AlertFacts.From(alert, texts, zone);
            var block = new StringBuilder()
                .Append("**[").Append(texts.StatusWord(facts.Firing)).Append("] ").Append(facts.Name).Append("**");
            if (facts.Severity is { } severity)
            {
                block.Append(" · ").Append(severity);
            }

            foreach (var (label, value) in facts.Fields)
            {
                block.Append("\n**").Append(label).Append("**: ").Append(value);
            }

            if (facts.Links.Count > 0)
            {
                block.Append('\n').AppendJoin(" | ", facts.Links.Select(link => $"[{link.Key}]({link.Value})"));
            }

            if (elements.Count > 0)
            {
                elements.Add(new JsonObject { ["tag"] = "hr" });
            }

            elements.Add(new JsonObject
            {
                ["tag"] = "div",
                ["text"] = new JsonObject { ["tag"] = "lark_md", ["content"] = block.ToString() },
            });
        }

        if (digest.Alerts.Count > listed)
        {
            elements.Add(new JsonObject
            {
                ["tag"] = "note",
                ["elements"] = new JsonArray(new JsonObject { ["tag"] = "plain_text", ["content"] = texts.More(digest.Alerts.Count - listed) }),
            });
        }

        return new JsonObject
        {
            ["config"] = new JsonObject { ["wide_screen_mode"] = true },
            ["header"] = new JsonObject
            {
                ["title"] = new JsonObject { ["tag"] = "plain_text", ["content"] = texts.Headline(digest) },
                ["template"] = digest.Firing > 0 ? "red" : "green",
            },
            ["elements"] = elements,
        };
    }
}
