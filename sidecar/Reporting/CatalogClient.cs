using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Periscope.Catalog.Contracts;
using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Reporting;

/// <summary>Posts reports to the catalog and sorts its answers into what the reporter does next.</summary>
internal sealed class CatalogClient(HttpClient http, SidecarOptions options, TimeProvider time)
{
    /// <summary>A Retry-After longer than this is taken as this: a typo in the catalog must not silence a pod for days.</summary>
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    public Uri ReportsUrl { get; } = ReportsUrlFor(options.CatalogUrl, options.CatalogRoutePrefix);

    /// <summary><c>{catalog}/{prefix}/catalog/reports</c>, keeping any path the catalog URL has (a gateway's).</summary>
    public static Uri ReportsUrlFor(Uri catalog, string routePrefix)
    {
        var route = routePrefix.Length == 0 ? CatalogRoutes.Reports : $"{routePrefix}/{CatalogRoutes.Reports}";
        return new UriBuilder(catalog) { Path = $"{catalog.AbsolutePath.TrimEnd('/')}/{route}" }.Uri;
    }

    public async Task<ReportAttempt> SendAsync(CatalogReport report, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ReportsUrl)
        {
            Content = JsonContent.Create(report, ReportingJsonContext.Default.CatalogReport),
        };
        if (options.CatalogToken is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return ReportAttempt.Accepted(response.StatusCode, await ReadResponseAsync(response, timeout.Token));
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                return ReportAttempt.Unavailable(response.StatusCode, RetryAfter(response));
            }

            return ReportAttempt.Rejected(response.StatusCode, await ProblemText.ReadAsync(response, timeout.Token));
        }
        catch (HttpRequestException e)
        {
            return ReportAttempt.Unreachable(e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ReportAttempt.Unreachable($"no answer within {options.RequestTimeout.TotalSeconds:0.###} s");
        }
    }

    /// <summary>An answer we cannot read still means the report was taken; the outcome is then unknown.</summary>
    private static async Task<ReportResponse?> ReadResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(ReportingJsonContext.Default.ReportResponse, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        return retryAfter is null ? null : TimeSpan.FromTicks(Math.Clamp(retryAfter.Value.Ticks, 0, MaxRetryAfter.Ticks));
    }
}
