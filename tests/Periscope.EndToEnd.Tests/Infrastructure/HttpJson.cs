using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Periscope.EndToEnd.Tests.Infrastructure;

/// <summary>Small helpers for reading JSON answers the way a client of the catalog would.</summary>
internal static class HttpJson
{
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>The service's summary from the list, or null while it has not been reported.</summary>
    public static async Task<JsonNode?> FindServiceAsync(this HttpClient client, string appId, string @namespace = "default")
    {
        var list = await client.GetJsonAsync($"api/services?namespace={@namespace}");
        return list["items"]!.AsArray().FirstOrDefault(item => (string?)item!["appId"] == appId);
    }

    public static async Task<HttpResponseMessage> PostReportAsync(this HttpClient client, object report) =>
        await client.PostAsJsonAsync("api/catalog/reports", report);

    public static async Task<JsonNode> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
