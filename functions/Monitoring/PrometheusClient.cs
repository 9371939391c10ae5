using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Monitoring;

/// <summary>
/// The Prometheus HTTP API's instant and range queries (prometheus.io/docs/prometheus/latest/querying/api/,
/// "Instant queries", "Range queries"), with every failure turned into a <see cref="PrometheusQueryException"/>
/// carrying the status a function answers with:
/// <list type="number">
/// <item>unreachable, refused, or slower than <see cref="MonitoringOptions.QueryTimeout"/>: 503, naming the URL and the cause;</item>
/// <item><c>bad_data</c> (a parameter Prometheus rejects, such as too many points): 400 with Prometheus's message;</item>
/// <item>Prometheus's own <c>timeout</c>, <c>canceled</c> or <c>unavailable</c>: 503; any other error type, or an answer
/// that is not the API's JSON: 502.</item>
/// </list>
/// </summary>
internal sealed partial class PrometheusClient : IDisposable
{
    private readonly HttpClient http;
    private readonly MonitoringOptions settings;
    private readonly ILogger<PrometheusClient> logger;
    private readonly string timeoutParameter;
    private readonly AuthenticationHeaderValue? authorization;

    public PrometheusClient(IOptions<MonitoringOptions> options, ILogger<PrometheusClient> logger)
    {
        settings = options.Value;
        this.logger = logger;
        var baseUrl = settings.PrometheusUrl.AbsoluteUri;
        BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        DisplayUrl = new UriBuilder(BaseAddress) { UserName = string.Empty, Password = string.Empty }.Uri.AbsoluteUri;
        timeoutParameter = PromQl.Duration(settings.QueryTimeout);
        authorization = string.IsNullOrEmpty(settings.BearerToken) ? null : new AuthenticationHeaderValue("Bearer", settings.BearerToken);

        // The timeout is ours, per query (below), so a slow Prometheus and a caller who gave up are told apart.
        http = new HttpClient(new OffSocketThreadHandler(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60) }))
        {
            BaseAddress = BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public Uri BaseAddress { get; }

    /// <summary>The base URL without credentials, for messages.</summary>
    public string DisplayUrl { get; }

    /// <summary><c>GET /api/v1/query</c> evaluated at <paramref name="time"/>: an instant vector (a scalar comes back as one unlabelled sample).</summary>
    public Task<IReadOnlyList<PrometheusSample>> QueryAsync(string query, DateTimeOffset time, CancellationToken cancellationToken) =>
        SendAsync("api/v1/query", [("query", query), ("time", PromQl.UnixSeconds(time))], PrometheusResponseReader.ReadVector, cancellationToken);

    /// <summary><c>GET /api/v1/query_range</c>: a matrix.</summary>
    public Task<IReadOnlyList<PrometheusSeries>> QueryRangeAsync(string query, QueryRange range, CancellationToken cancellationToken) =>
        SendAsync(
            "api/v1/query_range",
            [("query", query), ("start", PromQl.UnixSeconds(range.Start)), ("end", PromQl.UnixSeconds(range.End)), ("step", PromQl.Number(range.Step.TotalSeconds))],
            PrometheusResponseReader.ReadMatrix,
            cancellationToken);

    public void Dispose() => http.Dispose();

    private async Task<T> SendAsync<T>(string path, (string Name, string Value)[] parameters, Func<PrometheusAnswer, T> read, CancellationToken cancellationToken)
    {
        var uri = new StringBuilder(path);
        foreach (var (name, value) in parameters.Append(("timeout", timeoutParameter)))
        {
            uri.Append(uri.Length == path.Length ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.QueryTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri.ToString());
            request.Headers.Authorization = authorization;
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var answer = await ReadAnswerAsync(response, timeout.Token);
            if (answer.Status == "success" && answer.HasData)
            {
                return read(answer);
            }

            throw Fail(
                StatusFor(answer.ErrorType),
                $"Prometheus at {DisplayUrl} answered {(int)response.StatusCode} {answer.ErrorType ?? "(no errorType)"}: {answer.Error ?? "(no error message)"}",
                null);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(StatusCodes.Status503ServiceUnavailable, $"Prometheus at {DisplayUrl} did not answer within {settings.QueryTimeout.TotalSeconds:0.###} s (Monitoring:QueryTimeout).", exception);
        }
        catch (HttpRequestException exception)
        {
            var cause = exception.InnerException is { } inner ? $"{exception.Message} ({inner.Message})" : exception.Message;
            throw Fail(StatusCodes.Status503ServiceUnavailable, $"Prometheus at {DisplayUrl} is unreachable: {cause}", exception);
        }
        catch (FormatException exception)
        {
            throw Fail(StatusCodes.Status502BadGateway, $"Prometheus at {DisplayUrl} answered a result that is not the HTTP API's: {exception.Message}", exception);
        }
    }

    /// <summary>The body, read into a pooled buffer (<see cref="PooledBody"/>) and parsed in one pass (<see cref="PrometheusResponseReader"/>).</summary>
    private async Task<PrometheusAnswer> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var body = await PooledBody.ReadAsync(stream, response.Content.Headers.ContentLength, Array.MaxLength, cancellationToken)
            ?? throw Fail(StatusCodes.Status502BadGateway, $"Prometheus at {DisplayUrl} answered with more than {Array.MaxLength} bytes.", null);
        try
        {
            return PrometheusResponseReader.Read(body.Span);
        }
        catch (JsonException exception)
        {
            throw Fail(
                StatusCodes.Status502BadGateway,
                $"Prometheus at {DisplayUrl} answered {(int)response.StatusCode} {response.ReasonPhrase} without the HTTP API's JSON; is Monitoring:PrometheusUrl the server's base URL?",
                exception);
        }
    }

    /// <summary>The API's error types (querying/api/, "Format overview") to what a caller should see.</summary>
    private static int StatusFor(string? errorType) => errorType switch
    {
        "bad_data" => StatusCodes.Status400BadRequest,
        "timeout" or "canceled" or "unavailable" => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status502BadGateway,
    };

    private PrometheusQueryException Fail(int status, string message, Exception? exception)
    {
        LogQueryFailed(logger, status, message);
        return new PrometheusQueryException(status, message, exception);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Prometheus query failed, answering {Status}: {Detail}")]
    private static partial void LogQueryFailed(ILogger logger, int status, string detail);
}
