using System.Net;
using System.Net.Http.Headers;
using Periscope.Kubernetes.Credentials;

namespace Periscope.Kubernetes.Http;

/// <summary>
/// Adds the bearer token to each request. On a 401 the credential is dropped and the request sent
/// once more, so a rotated token file or an exec plugin whose token was revoked early recovers
/// (client-go's exec authenticator re-runs the plugin on 401 the same way).
/// </summary>
internal sealed class AuthenticationHandler(ICredentialSource credentials) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await AuthorizeAsync(request, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || request.Content is not null)
        {
            return response;
        }

        response.Dispose();
        credentials.Invalidate();
        await AuthorizeAsync(request, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var credential = await credentials.GetAsync(cancellationToken);
        request.Headers.Authorization = credential.Token is { } token ? new AuthenticationHeaderValue("Bearer", token) : null;
    }
}
