using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Periscope.Functions.Notifications;

/// <summary>The robots' 加签 (request signing).</summary>
internal static class RobotSignatures
{
    /// <summary>
    /// DingTalk: <c>timestamp</c> in milliseconds; the string <c>timestamp + "\n" + secret</c> is signed with
    /// HMAC-SHA256 keyed by the secret, Base64-encoded, then URL-encoded into <c>&amp;timestamp=…&amp;sign=…</c>
    /// (open.dingtalk.com/document/orgapp/customize-robot-security-settings, 加签). The timestamp must be within an hour of DingTalk's clock.
    /// </summary>
    public static (string Timestamp, string Sign) DingTalk(string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}"));
        return (timestamp, Convert.ToBase64String(signature));
    }

    /// <summary>
    /// Feishu: <c>timestamp</c> in seconds; <c>timestamp + "\n" + secret</c> is the HMAC-SHA256 <em>key</em>, the
    /// message is empty, and the Base64 result goes in the body's <c>sign</c> next to <c>timestamp</c>
    /// (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot, 签名校验 — its Java and Go samples sign an empty byte array).
    /// </summary>
    public static (string Timestamp, string Sign) Feishu(string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes($"{timestamp}\n{secret}"), Array.Empty<byte>());
        return (timestamp, Convert.ToBase64String(signature));
    }

    /// <summary>
    /// The generic webhook's <c>X-Periscope-Signature-256: sha256=&lt;hex&gt;</c>: HMAC-SHA256 of the raw body keyed by
    /// the secret, as GitHub signs webhook deliveries (docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries).
    /// </summary>
    public static string Webhook(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
