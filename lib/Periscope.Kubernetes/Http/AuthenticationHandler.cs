using System.Net;
using System.Net.Http.Headers;
using Periscope.Kubernetes.Credentials;

namespace Periscope.Kubernetes.Http;

/// <summary>
/// Adds the bearer token to each request. On a 401 the credential is dropped and the request sent
/// once more, so a rotated token file or an exec plugin whose token was revoked early recovers
/// (client-go's exec authenticator re-runs the plugin on 401 the same way). Every body this client sends is
/// built in memory (<see cref="ByteArrayContent"/>, which <see cref="StringContent"/> is), so a create or
/// patch can be sent again too; a streamed body could not, and its 401 is returned as it is.
/// </summary>
internal sealed class AuthenticationHandler(ICredentialSource credentials) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await AuthorizeAsync(request, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !CanResend(request.Content))
        {
            return response;
        }

        response.Dispose();
        credentials.Invalidate();
        await AuthorizeAsync(request, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }

    private static bool CanResend(HttpContent? content) => content is null or ByteArrayContent;

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var credential = await credentials.GetAsync(cancellationToken);
        request.Headers.Authorization = credential.Token is { } token ? new AuthenticationHeaderValue("Bearer", token) : null;
    }
}
