using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Periscope.Catalog.Contracts;
using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Invocation;

/// <summary>
/// Asks the catalog where an app-id can be invoked: <c>GET {catalog}/{prefix}/services/{ns}/{appId}/endpoints</c>
/// (<see cref="CatalogRoutes.Endpoints"/>), with the sidecar's bearer token when it has one.
/// Its own <see cref="HttpClient"/>, whose timeout bounds each lookup.
/// </summary>
internal sealed class CatalogEndpointsClient(HttpClient http, SidecarOptions options)
{
    private readonly string baseUrl = BaseUrl(options.CatalogUrl, options.CatalogRoutePrefix);

    public Uri UrlFor(AppKey target) => new(baseUrl + CatalogRoutes.Endpoints(target.Namespace, target.AppId));

    /// <summary>Never throws for network failures or bad answers; those come back as <see cref="ResolutionStatus.CatalogUnavailable"/>.</summary>
    public async Task<CatalogLookup> LookupAsync(AppKey target, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, UrlFor(target));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (options.CatalogToken is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new CatalogLookup(ResolutionStatus.UnknownApp);
            }

            if (!response.IsSuccessStatusCode)
            {
                return new CatalogLookup(ResolutionStatus.CatalogUnavailable, Problem: $"the catalog answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var answer = await response.Content.ReadFromJsonAsync(InvocationJsonContext.Default.ServiceEndpoints, cancellationToken);
            var usable = answer?.Items?.Where(IsUsable).ToArray() ?? [];
            return usable.Length == 0 ? new CatalogLookup(ResolutionStatus.NoEndpoints) : new CatalogLookup(ResolutionStatus.Found, usable);
        }
        catch (HttpRequestException e)
        {
            return new CatalogLookup(ResolutionStatus.CatalogUnavailable, Problem: $"the catalog at {options.CatalogUrl} is unreachable: {e.Message}");
        }
        catch (JsonException e)
        {
            return new CatalogLookup(ResolutionStatus.CatalogUnavailable, Problem: $"the catalog's answer is not the endpoints list: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CatalogLookup(ResolutionStatus.CatalogUnavailable,
                Problem: $"the catalog at {options.CatalogUrl} did not answer within {http.Timeout.TotalSeconds:0.###} s");
        }
    }

    /// <summary><c>{catalog}/{prefix}/</c>, keeping any path the catalog URL has (a gateway's), as reports do.</summary>
    private static string BaseUrl(Uri catalog, string routePrefix)
    {
        var root = catalog.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return routePrefix.Length == 0 ? root + "/" : $"{root}/{routePrefix.Trim('/')}/";
    }

    private static bool IsUsable(ResolvedEndpoint endpoint) =>
        !string.IsNullOrWhiteSpace(endpoint.Address) && endpoint.Port is > 0 and <= 65535
        && Uri.CheckHostName(endpoint.Address) is not UriHostNameType.Unknown;
}
