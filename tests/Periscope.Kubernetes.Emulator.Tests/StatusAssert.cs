using System.Net;
using System.Text.Json.Nodes;

namespace Periscope.Kubernetes.Emulator.Tests;

/// <summary>Checks a metav1 Status failure body field by field.</summary>
internal static class StatusAssert
{
    public static void Failure(HttpStatusCode expected, string reason, (HttpStatusCode Status, JsonNode? Body) response)
    {
        var (status, body) = response;
        Assert.Equal(expected, status);
        Assert.NotNull(body);
        Assert.Equal("Status", (string?)body["kind"]);
        Assert.Equal("v1", (string?)body["apiVersion"]);
        Assert.NotNull(body["metadata"] as JsonObject);
        Assert.Equal("Failure", (string?)body["status"]);
        Assert.Equal(reason, (string?)body["reason"]);
        Assert.Equal((int)expected, (int?)body["code"]);
        Assert.False(string.IsNullOrEmpty((string?)body["message"]));
    }
}
