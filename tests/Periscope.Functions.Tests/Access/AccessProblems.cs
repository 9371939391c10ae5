using System.Net;
using System.Text.Json;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Access;

/// <summary>Reads access refusals: problem+json with the status, and the challenge a 401 must carry.</summary>
internal static class AccessProblems
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await ProblemJson.ReadAsync(response, status);
        if (status == HttpStatusCode.Unauthorized)
        {
            Assert.StartsWith("Bearer realm=\"periscope\"", Challenge(response), StringComparison.Ordinal);
        }

        return problem;
    }

    public static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;

    public static string Challenge(HttpResponseMessage response) =>
        response.Headers.TryGetValues("WWW-Authenticate", out var values) ? string.Join(", ", values) : "";
}
