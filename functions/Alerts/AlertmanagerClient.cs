using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Alerts;

/// <summary>
/// Alertmanager's API v2 silences (api/v2/openapi.yaml in prometheus/alertmanager: <c>POST /api/v2/silences</c>,
/// <c>GET /api/v2/silences</c>, <c>DELETE /api/v2/silence/{silenceID}</c>) at <c>Alerts:AlertmanagerUrl</c>.
/// Every failure is an <see cref="AlertmanagerException"/> naming the URL and the cause.
/// </summary>
internal sealed class AlertmanagerClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri? _baseAddress;
    private readonly TimeSpan _timeout;

    public AlertmanagerClient(IOptions<AlertsOptions> options)
    {
        var settings = options.Value;
        _timeout = settings.AlertmanagerTimeout;
        if (settings.AlertmanagerUrl is { } url)
        {
            _baseAddress = new Uri(url.AbsoluteUri.EndsWith('/') ? url.AbsoluteUri : url.AbsoluteUri + "/");
        }

        // Our own timeout per call (below), so a slow Alertmanager and a caller who gave up are told apart.
        _http = new HttpClient(new OffSocketThreadHandler(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60) }))
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Creates the silence; returns Alertmanager's id for it.</summary>
    public Task<string> CreateSilenceAsync(AlertmanagerSilencePost silence, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post,
            "api/v2/silences",
            JsonContent.Create(silence, AlertsJsonContext.Default.AlertmanagerSilencePost),
            async (response, token) =>
                (await response.Content.ReadFromJsonAsync(AlertsJsonContext.Default.AlertmanagerSilenceCreated, token))?.SilenceId
                ?? throw new JsonException("no silenceID"),
            cancellationToken);

    public Task<List<AlertmanagerSilence>> ListSilencesAsync(CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Get,
            "api/v2/silences",
            null,
            async (response, token) => await response.Content.ReadFromJsonAsync(AlertsJsonContext.Default.ListAlertmanagerSilence, token) ?? [],
            cancellationToken);

    /// <summary>Expires the silence (Alertmanager keeps expired silences for its retention, then deletes them).</summary>
    public Task<bool> ExpireSilenceAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, "api/v2/silence/" + Uri.EscapeDataString(id), null, (_, _) => Task.FromResult(true), cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(
        HttpMethod method, string path, HttpContent? content, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (_baseAddress is null)
        {
            throw new AlertmanagerException(
                StatusCodes.Status503ServiceUnavailable, "Alertmanager is not configured: set Alerts:AlertmanagerUrl to its base URL (for example http://alertmanager:9093).");
        }

        var display = new UriBuilder(_baseAddress) { UserName = "", Password = "" }.Uri.AbsoluteUri;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(_baseAddress, path)) { Content = content };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return await read(response, timeout.Token);
            }

            // Alertmanager's errors are a JSON string or plain text (api/v2/openapi.yaml: responses 400, 404, 500).
            var message = (await response.Content.ReadAsStringAsync(timeout.Token)).Trim().Trim('"');
            var status = response.StatusCode switch
            {
                HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => StatusCodes.Status400BadRequest,
                HttpStatusCode.NotFound => StatusCodes.Status404NotFound,

                // Alertmanager 0.25 answers an unknown silence id with 500 "silence not found" rather than its API's 404
                // (checked against Debian's prometheus-alertmanager 0.25 in tests/…/Alerts/SilencesTests).
                HttpStatusCode.InternalServerError when message == "silence not found" => StatusCodes.Status404NotFound,
                HttpStatusCode.ServiceUnavailable => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status502BadGateway,
            };
            throw new AlertmanagerException(status, $"Alertmanager at {display} answered {(int)response.StatusCode} to {method} /{path}: {message}");
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AlertmanagerException(
                StatusCodes.Status503ServiceUnavailable,
                $"Alertmanager at {display} did not answer within {_timeout.TotalSeconds:0.###} s (Alerts:AlertmanagerTimeout).",
                exception);
        }
        catch (HttpRequestException exception)
        {
            var cause = exception.InnerException is { } inner ? $"{exception.Message} ({inner.Message})" : exception.Message;
            throw new AlertmanagerException(StatusCodes.Status503ServiceUnavailable, $"Alertmanager at {display} is unreachable: {cause}", exception);
        }
        catch (JsonException exception)
        {
            throw new AlertmanagerException(
                StatusCodes.Status502BadGateway, $"Alertmanager at {display} answered {method} /{path} with a body that is not its API's: {exception.Message}", exception);
        }
    }
}
