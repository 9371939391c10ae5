using System.Net;
using System.Text;
using Periscope.Catalog.Contracts;
using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Discovery;

/// <summary>Fetches one path from the app and decides whether it is an OpenAPI document.</summary>
internal sealed class AppDocumentClient(HttpClient http, SidecarOptions options, ILogger<AppDocumentClient> logger)
{
    /// <param name="etag">The entity tag from the last fetch; sent as If-None-Match (RFC 9110 §13.1.2).</param>
    public async Task<DocumentFetch> FetchAsync(string path, string? etag, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        // One limit for headers and body: HttpClient.Timeout stops at the headers with ResponseHeadersRead.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var fetch = await ReadAsync(path, response, timeout.Token);
            logger.Fetched(path, (int)response.StatusCode, fetch.Status, fetch.Detail);
            return fetch;
        }
        catch (HttpRequestException e)
        {
            return DocumentFetch.Unreachable(e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DocumentFetch.Unreachable($"no complete answer within {options.RequestTimeout.TotalSeconds:0.###} s");
        }
    }

    private async Task<DocumentFetch> ReadAsync(string path, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return DocumentFetch.NotModified;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return DocumentFetch.Missing($"{(int)response.StatusCode} {response.ReasonPhrase}");
        }

        var body = response.Content.Headers.ContentLength > options.MaxDocumentSize
            ? null
            : await ReadAtMostAsync(response.Content, options.MaxDocumentSize, cancellationToken);
        if (body is null)
        {
            logger.DocumentTooLarge(path, options.MaxDocumentSize);
            return DocumentFetch.Missing($"larger than {options.MaxDocumentSize} bytes");
        }

        // Sniffing, decoding and hashing up to MaxDocumentSize (10 MiB by default) take tens of milliseconds. With
        // inline socket completions (Program.cs) this method has resumed on the one socket thread every forwarded
        // request also runs on: continue on the thread pool instead, so forwarding never waits for it.
        await Task.Yield();

        // RFC 8259 §8.1: a JSON text is UTF-8 without a byte order mark, and a parser may ignore one;
        // the catalog gets (and the hash covers) the text without it.
        var bytes = body.Value.Span;
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        if (!OpenApiSniffer.LooksLikeOpenApi(bytes))
        {
            return DocumentFetch.Missing("not an OpenAPI document");
        }

        return DocumentFetch.Found(new AppDocument(
            path,
            response.Content.Headers.ContentType?.ToString(),
            Encoding.UTF8.GetString(bytes),
            DocumentHash.Of(bytes),
            response.Headers.TryGetValues("ETag", out var etags) ? etags.FirstOrDefault() : null,
            bytes.Length));
    }

    /// <summary>Null when the body is longer than <paramref name="limit"/>: Content-Length can be absent or wrong.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadAtMostAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
