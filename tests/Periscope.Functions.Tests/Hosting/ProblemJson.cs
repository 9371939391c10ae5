using System.Net;
using System.Text.Json;

namespace Periscope.Functions.Tests.Hosting;

/// <summary>Reads a response that must be RFC 9457 problem+json, checking the media type and the status member.</summary>
internal static class ProblemJson
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = document.RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
