using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Periscope.Functions.Notifications;

/// <summary>
/// Checks a <see cref="ChannelRequest"/> and turns it into a <see cref="NotificationChannel"/> (times unset), or
/// lists every problem by field. URLs must be https — the robots' URLs carry their tokens — except to loopback,
/// where tests and local relays listen. Robot hosts are not pinned, so a proxy or a test receiver can stand in.
/// </summary>
internal static partial class ChannelValidator
{
    private static readonly Dictionary<string, string[]> AllowedSettings = new(StringComparer.Ordinal)
    {
        [ChannelTypes.Email] = ["host", "port", "tls", "username", "from", "to"],
        [ChannelTypes.Webhook] = ["auth"],
        [ChannelTypes.DingTalk] = [],
        [ChannelTypes.WeCom] = [],
        [ChannelTypes.Feishu] = [],
    };

    public static (NotificationChannel? Channel, Dictionary<string, string[]> Errors) Validate(ChannelRequest request, string? existingSecret)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        var name = request.Name?.Trim() ?? "";
        if (!NamePattern().IsMatch(name))
        {
            Add("name", "Required: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        var type = request.Type?.Trim().ToLowerInvariant() ?? "";
        if (!ChannelTypes.All.Contains(type))
        {
            Add("type", $"Required: one of {string.Join(", ", ChannelTypes.All)}.");
        }

        var language = string.IsNullOrWhiteSpace(request.Language) ? ChannelLanguages.Chinese : request.Language.Trim();
        if (!ChannelLanguages.All.Contains(language))
        {
            Add("language", $"One of {string.Join(", ", ChannelLanguages.All)}.");
        }

        var settings = new Dictionary<string, string>(request.Settings ?? [], StringComparer.Ordinal);
        if (AllowedSettings.TryGetValue(type, out var allowed))
        {
            foreach (var key in settings.Keys.Where(key => !allowed.Contains(key)))
            {
                Add($"settings.{key}", allowed.Length == 0
                    ? $"A {type} channel takes no settings."
                    : $"Not a {type} setting; known: {string.Join(", ", allowed)}.");
            }
        }

        var secret = request.Secret is null ? existingSecret : request.Secret.Length == 0 ? null : request.Secret;
        var url = string.IsNullOrWhiteSpace(request.Url) ? null : request.Url.Trim();
        if (type == ChannelTypes.Email)
        {
            if (url is not null)
            {
                Add("url", "An email channel has no URL; set settings.host and settings.port.");
            }

            ValidateEmail(settings, secret, Add);
        }
        else if (type.Length > 0)
        {
            ValidateUrl(type, url, Add);
            if (type == ChannelTypes.Webhook && settings.TryGetValue("auth", out var auth) && auth is not ("hmac" or "bearer"))
            {
                Add("settings.auth", "'hmac' (sign the body with the secret, the default) or 'bearer' (send the secret as a bearer token).");
            }
        }

        var route = (request.Route ?? new ChannelRouteRequest(null, null, null)).ToRoute();
        foreach (var (label, pattern) in route.Matchers)
        {
            if (!LabelNamePattern().IsMatch(label))
            {
                Add($"route.matchers.{label}", "Not a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*).");
            }
            else if (ChannelRouter.TryCompile(pattern) is null)
            {
                Add($"route.matchers.{label}", $"'{pattern}' is not a valid regular expression.");
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray(), StringComparer.Ordinal));
        }

        var channel = new NotificationChannel(
            name, type, url, settings, secret, language, route, request.Enabled ?? true, ReadOnly: false, default, default);
        return (channel, []);
    }

    private static void ValidateUrl(string type, string? url, Action<string, string> add)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            add("url", "Required: an absolute https URL.");
            return;
        }

        if (uri.Scheme == "http" && !IsLoopback(uri.Host))
        {
            add("url", "Must be https: the URL carries the robot's token. Plain http is accepted only to loopback.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            add("url", "Must not carry credentials; put them in 'secret'.");
        }

        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        switch (type)
        {
            case ChannelTypes.DingTalk when string.IsNullOrEmpty(query["access_token"]):
                add("url", "A DingTalk robot URL has ?access_token=… (https://oapi.dingtalk.com/robot/send?access_token=…).");
                break;
            case ChannelTypes.WeCom when string.IsNullOrEmpty(query["key"]):
                add("url", "A WeCom robot URL has ?key=… (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…).");
                break;
            case ChannelTypes.Feishu when !uri.AbsolutePath.Contains("/hook/", StringComparison.Ordinal) || uri.AbsolutePath.EndsWith('/'):
                add("url", "A Feishu robot URL ends in /hook/{token} (https://open.feishu.cn/open-apis/bot/v2/hook/…).");
                break;
        }
    }

    private static void ValidateEmail(Dictionary<string, string> settings, string? password, Action<string, string> add)
    {
        var host = settings.GetValueOrDefault("host")?.Trim();
        if (string.IsNullOrEmpty(host) || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            add("settings.host", "Required: the SMTP server's host name or address.");
        }

        var tls = settings.GetValueOrDefault("tls")?.Trim() ?? "starttls";
        if (tls is not ("starttls" or "none"))
        {
            // System.Net.Mail.SmtpClient speaks STARTTLS (RFC 3207) only, not implicit TLS on port 465 (RFC 8314 §3.3).
            add("settings.tls", "'starttls' (the default) or 'none'; implicit TLS (port 465) is not supported, use port 587 with STARTTLS.");
        }
        else if (tls == "none" && password is not null && host is not null && !IsLoopback(host))
        {
            add("settings.tls", "A password is never sent without TLS except to loopback; use 'starttls'.");
        }

        if (settings.TryGetValue("port", out var port)
            && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535))
        {
            add("settings.port", "A TCP port, 1 to 65535 (default 587).");
        }

        if (!MailAddress.TryCreate(settings.GetValueOrDefault("from")?.Trim(), out _))
        {
            add("settings.from", "Required: the sender's address.");
        }

        var to = Recipients(settings.GetValueOrDefault("to"));
        if (to.Count == 0 || to.Any(address => !MailAddress.TryCreate(address, out _)))
        {
            add("settings.to", "Required: one or more addresses, separated by ',' or ';'.");
        }
    }

    public static IReadOnlyList<string> Recipients(string? to) =>
        (to ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelNamePattern();
}
