using System.Text;

namespace Periscope.Functions.Notifications;

/// <summary>
/// Masks what in a channel URL is a credential: every query value (DingTalk's <c>access_token</c>, WeCom's
/// <c>key</c>, signatures) and the path segment after <c>/hook/</c> (Feishu's token). Scheme, host and path stay
/// so an operator can still tell the channels apart.
/// </summary>
internal static class ChannelUrlRedactor
{
    public const string Mask = "***";

    public static string Redact(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return Mask;
        }

        var path = uri.AbsolutePath;
        var hook = path.IndexOf("/hook/", StringComparison.Ordinal);
        if (hook >= 0)
        {
            path = path[..(hook + "/hook/".Length)] + Mask;
        }

        var builder = new StringBuilder().Append(uri.Scheme).Append("://").Append(uri.Authority).Append(path);
        var query = uri.Query.TrimStart('?');
        if (query.Length > 0)
        {
            builder.Append('?').AppendJoin('&', query.Split('&').Select(pair => pair.Split('=', 2)[0] + "=" + Mask));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The strings an error message from sending to <paramref name="channel"/> must not show: the URL, its query
    /// values and hook token, the secret.
    /// </summary>
    public static string Scrub(string message, NotificationChannel channel)
    {
        var sensitive = new List<string>();
        if (channel.Secret is { Length: > 0 } secret)
        {
            sensitive.Add(secret);
        }

        if (channel.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            sensitive.Add(url);
            sensitive.Add(uri.ToString());
            sensitive.AddRange(uri.Query.TrimStart('?').Split('&')
                .Select(pair => pair.Split('=', 2) is [_, var value] ? Uri.UnescapeDataString(value) : "")
                .Where(value => value.Length >= 4));
            var hook = uri.AbsolutePath.IndexOf("/hook/", StringComparison.Ordinal);
            if (hook >= 0)
            {
                sensitive.Add(uri.AbsolutePath[(hook + "/hook/".Length)..]);
            }
        }

        foreach (var value in sensitive.Where(value => value.Length > 0).OrderByDescending(value => value.Length))
        {
            message = message.Replace(value, Mask, StringComparison.Ordinal);
        }

        return message;
    }
}
