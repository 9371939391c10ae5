using System.Reflection;
using System.Text.Json;
using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Invocation;

/// <summary>
/// <c>GET /v1.0/metadata</c> in daprd's shape (docs.dapr.io, "Metadata API reference"): the app-id, the
/// runtime version, empty lists of what Periscope has none of (components, actors, subscriptions, HTTP
/// endpoints, enabled features), the app connection, and a <c>periscope</c> object of our own. The Dapr
/// JavaScript SDK polls this before its first call (@dapr/dapr 3.18, HTTPClientSidecar.isStarted) and
/// needs a JSON object back.
/// </summary>
internal sealed class DaprMetadataWriter(SidecarOptions options, IEnumerable<IMetadataContributor> contributors)
{
    public static readonly string RuntimeVersion = typeof(DaprMetadataWriter).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private readonly IMetadataContributor[] contributors = contributors.ToArray();

    public async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("id", options.AppId);
        json.WriteString("runtimeVersion", RuntimeVersion);
        foreach (var empty in (ReadOnlySpan<string>)["enabledFeatures", "actors", "components", "httpEndpoints", "subscriptions"])
        {
            json.WriteStartArray(empty);
            json.WriteEndArray();
        }

        json.WriteStartObject("extended");
        json.WriteString("runtime", "periscope");
        json.WriteEndObject();

        json.WriteStartObject("appConnectionProperties");
        json.WriteNumber("port", options.AppPort);
        json.WriteString("protocol", "http");
        json.WriteString("channelAddress", options.AppChannelAddress);
        json.WriteEndObject();

        json.WriteStartObject("periscope");
        json.WriteString("namespace", options.Namespace);
        json.WriteString("pod", options.Pod);
        json.WriteString("catalog", options.CatalogUrl.ToString());
        json.WriteString("loadBalancing", options.LoadBalancing == LoadBalancingPolicy.PowerOfTwoChoices ? "powerOfTwoChoices" : "roundRobin");
        foreach (var contributor in contributors)
        {
            contributor.WriteProperties(json);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
