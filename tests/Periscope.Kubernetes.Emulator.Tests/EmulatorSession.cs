using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Periscope.Kubernetes.Emulator.Tests;

/// <summary>An emulator and a plain HttpClient trusting its CA; helpers return (status, parsed body).</summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    private EmulatorSession(KubernetesApiEmulator emulator)
    {
        Emulator = emulator;
        Client = emulator.CreateClient();
    }

    public KubernetesApiEmulator Emulator { get; }

    public HttpClient Client { get; }

    public static async Task<EmulatorSession> StartAsync(KubernetesApiEmulatorOptions? options = null) =>
        new(await KubernetesApiEmulator.StartAsync(options));

    public Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null, null);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json, "application/json");

    public Task<(HttpStatusCode Status, JsonNode? Body)> PutAsync(string path, string json) => SendAsync(HttpMethod.Put, path, json, "application/json");

    public Task<(HttpStatusCode Status, JsonNode? Body)> PatchAsync(string path, string body, string contentType) => SendAsync(HttpMethod.Patch, path, body, contentType);

    public Task<(HttpStatusCode Status, JsonNode? Body)> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null, null);

    public async Task<JsonObject> CreateAsync(string path, string json)
    {
        var (status, body) = await PostAsync(path, json);
        Assert.True(status == HttpStatusCode.Created, $"create {path}: {(int)status} {body?.ToJsonString()}");
        return body!.AsObject();
    }

    public Task<JsonObject> CreateNamespaceAsync(string name, string labels = "{}") =>
        CreateAsync("/api/v1/namespaces", $$$"""{"metadata":{"name":"{{{name}}}","labels":{{{labels}}}}}""");

    public Task<JsonObject> CreatePodAsync(string ns, string name, string labels = "{}", string containers = """[{"name":"app","image":"nginx"}]""") =>
        CreateAsync($"/api/v1/namespaces/{ns}/pods", $$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","labels":{{{labels}}}},"spec":{"containers":{{{containers}}}}}""");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }

    private async Task<(HttpStatusCode, JsonNode?)> SendAsync(HttpMethod method, string path, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType!);
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
