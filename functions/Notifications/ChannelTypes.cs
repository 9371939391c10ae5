namespace Periscope.Functions.Notifications;

/// <summary>The kinds of notification channel, as the <c>type</c> field names them.</summary>
internal static class ChannelTypes
{
    public const string Webhook = "webhook";
    public const string Email = "email";
    public const string DingTalk = "dingtalk";
    public const string WeCom = "wecom";
    public const string Feishu = "feishu";

    public static IReadOnlyList<string> All { get; } = [Webhook, Email, DingTalk, WeCom, Feishu];
}
