using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Periscope.Functions.Tests.Notifications.Doubles;

/// <summary>
/// The robots' servers on loopback (Kestrel, port 0): DingTalk at <c>/robot/send</c>, WeCom at
/// <c>/cgi-bin/webhook/send</c>, Feishu at <c>/open-apis/bot/v2/hook/{token}</c>, anything else a generic webhook.
/// It checks signatures as the robots document them, computed here independently of the code under test, and
/// answers a bad one as they do (DingTalk errcode 310000, Feishu code 19021); WeCom content over 4096 bytes gets
/// errcode 40058. Answers can be scripted per path, first in first out; unscripted requests succeed.
/// </summary>
internal sealed class RobotReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body)>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();

    private RobotReceiver(WebApplication app) => _app = app;

    public string? DingTalkSecret { get; set; }

    public string? FeishuSecret { get; set; }

    public string? WebhookSecret { get; set; }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToList();

    public IReadOnlyList<ReceivedRequest> RequestsTo(string pathPrefix) =>
        _requests.Where(request => request.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    public static async Task<RobotReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new RobotReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return receiver;
    }

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    /// <summary>The next answers to requests whose path starts with <paramref name="pathPrefix"/>.</summary>
    public void Script(string pathPrefix, params (int Status, string Body)[] answers)
    {
        var queue = _scripts.GetOrAdd(pathPrefix, _ => new ConcurrentQueue<(int, string)>());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "";
        var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var (valid, refusal) = path switch
        {
            "/robot/send" => CheckDingTalk(context.Request.Query),
            "/cgi-bin/webhook/send" => CheckWeCom(body),
            _ when path.StartsWith("/open-apis/bot/v2/hook/", StringComparison.Ordinal) => CheckFeishu(body),
            _ => CheckWebhook(headers, body),
        };
        _requests.Enqueue(new ReceivedRequest(path, context.Request.QueryString.Value ?? "", headers, body, valid));

        if (refusal is not null)
        {
            await Answer(context, 200, refusal);
            return;
        }

        foreach (var (prefix, queue) in _scripts)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) && queue.TryDequeue(out var scripted))
            {
                await Answer(context, scripted.Status, scripted.Body);
                return;
            }
        }

        await Answer(context, 200, path.StartsWith("/open-apis/", StringComparison.Ordinal)
            ? """{"code":0,"msg":"success","data":{}}"""
            : """{"errcode":0,"errmsg":"ok"}""");
    }

    private (bool?, string?) CheckDingTalk(IQueryCollection query)
    {
        if (DingTalkSecret is null)
        {
            return (null, null);
        }

        // open.dingtalk.com 加签: sign = urlEncode(base64(HmacSHA256(key: secret, data: timestamp + "\n" + secret))), timestamp in ms within an hour.
        var timestamp = query["timestamp"].ToString();
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(DingTalkSecret), Encoding.UTF8.GetBytes(timestamp + "\n" + DingTalkSecret)));
        var fresh = long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - ms) < 3_600_000;
        var valid = fresh && query["sign"].ToString() == expected;
        return (valid, valid ? null : """{"errcode":310000,"errmsg":"sign not match"}""");
    }

    private (bool?, string?) CheckFeishu(string body)
    {
        if (FeishuSecret is null)
        {
            return (null, null);
        }

        // open.feishu.cn 签名校验: sign = base64(HmacSHA256(key: timestamp + "\n" + secret, data: empty)), timestamp in s within an hour.
        using var document = JsonDocument.Parse(body);
        var timestamp = document.RootElement.TryGetProperty("timestamp", out var t) ? t.GetString() ?? "" : "";
        var sign = document.RootElement.TryGetProperty("sign", out var s) ? s.GetString() : null;
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(timestamp + "\n" + FeishuSecret), Array.Empty<byte>()));
        var fresh = long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) < 3600;
        var valid = fresh && sign == expected;
        return (valid, valid ? null : """{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}""");
    }

    private static (bool?, string?) CheckWeCom(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var valid = root.GetProperty("msgtype").GetString() == "markdown"
            && Encoding.UTF8.GetByteCount(root.GetProperty("markdown").GetProperty("content").GetString()!) <= 4096;
        return (valid, valid ? null : """{"errcode":40058,"errmsg":"markdown.content exceed max length 4096"}""");
    }

    private (bool?, string?) CheckWebhook(Dictionary<string, string> headers, string body)
    {
        if (WebhookSecret is null)
        {
            return (null, null);
        }

        if (headers.TryGetValue("Authorization", out var authorization))
        {
            return authorization == "Bearer " + WebhookSecret ? (true, null) : (false, null);
        }

        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), Encoding.UTF8.GetBytes(body)));
        return (headers.GetValueOrDefault("X-Periscope-Signature-256") == expected, null);
    }

    private static async Task Answer(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
