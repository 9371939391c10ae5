using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Notifications;

/// <summary>
/// POSTs a JSON message and classifies the answer. Retried: no answer (connection failure, timeout), 408, 429,
/// 5xx, and the robot's own codes for "sending too fast", which robots answer with HTTP 200. Not retried: any
/// other 4xx or robot code — a wrong token or a malformed message fails the same way every time.
/// </summary>
internal sealed class RobotPoster : IDisposable
{
    private readonly HttpClient _client;

    public RobotPoster(IOptions<NotificationOptions> options)
    {
        // A long-lived client whose connections are recycled, so DNS changes of the robots' hosts are seen
        // (learn.microsoft.com/dotnet/fundamentals/networking/http/httpclient-guidelines).
        _client = new HttpClient(new OffSocketThreadHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }))
        {
            Timeout = options.Value.RequestTimeout,
        };
    }

    public async Task<DeliveryResult> PostAsync(
        NotificationChannel channel,
        Uri url,
        byte[] body,
        Action<HttpRequestHeaders>? headers,
        string? codeField,
        IReadOnlySet<long> retryableCodes,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        headers?.Invoke(request.Headers);
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            var (code, message) = codeField is null ? (null, null) : ReadCode(text, codeField);
            if (code is { } errcode && retryableCodes.Contains(errcode))
            {
                return new DeliveryResult(DeliveryOutcome.Retry, status, errcode, Scrub($"errcode {errcode}: {message}", channel));
            }

            if (response.IsSuccessStatusCode)
            {
                return code is null or 0
                    ? new DeliveryResult(DeliveryOutcome.Delivered, status, code, null)
                    : new DeliveryResult(DeliveryOutcome.Failed, status, code, Scrub($"errcode {code}: {message}", channel));
            }

            var outcome = status is 408 or 429 or >= 500 ? DeliveryOutcome.Retry : DeliveryOutcome.Failed;
            var detail = code is not null ? $"errcode {code}: {message}" : Snippet(text);
            return new DeliveryResult(outcome, status, code, Scrub($"HTTP {status}: {detail}", channel));
        }
        catch (HttpRequestException exception)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, null, null, Scrub(exception.Message, channel));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, null, null, $"No answer within {_client.Timeout.TotalSeconds:0.###} s.");
        }
    }

    public void Dispose() => _client.Dispose();

    private static (long? Code, string? Message) ReadCode(string text, string codeField)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(codeField, out var code)
                || !code.TryGetInt64(out var value))
            {
                return (null, null);
            }

            var message = document.RootElement.TryGetProperty("errmsg", out var errmsg) || document.RootElement.TryGetProperty("msg", out errmsg)
                ? errmsg.ToString()
                : null;
            return (value, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string Snippet(string text) => MessageFitter.Truncate(text.ReplaceLineEndings(" "), 300);

    private static string Scrub(string message, NotificationChannel channel) => ChannelUrlRedactor.Scrub(message, channel);
}
