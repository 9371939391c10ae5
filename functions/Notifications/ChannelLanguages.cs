namespace Periscope.Functions.Notifications;

/// <summary>The languages messages are written in.</summary>
internal static class ChannelLanguages
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Chinese, English];
}
