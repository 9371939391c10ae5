using System.Text.Json.Nodes;

namespace Periscope.Kubernetes.Emulator.Tests.Api;

/// <summary>An open watch: reads one JSON event line at a time, each with a deadline.</summary>
internal sealed class WatchStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private WatchStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public string ContentType => _response.Content.Headers.ContentType?.MediaType ?? "";

    public bool Chunked => _response.Headers.TransferEncodingChunked == true;

    public static async Task<WatchStream> OpenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new WatchStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event, or null at the end of the stream.</summary>
    public async Task<JsonObject?> NextAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var line = await _reader.ReadLineAsync(deadline.Token);
        return line is null ? null : JsonNode.Parse(line)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }
}
