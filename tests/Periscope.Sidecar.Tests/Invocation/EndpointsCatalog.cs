using System.Collections.Concurrent;
using System.Text.Json;
using Periscope.Catalog.Contracts;
using Periscope.Sidecar.Tests.Fakes;

namespace Periscope.Sidecar.Tests.Invocation;

/// <summary>
/// The catalog's endpoints route (<c>GET /api/services/{ns}/{appId}/endpoints</c>) as the contract
/// describes it: the listed endpoints, 404 for an app-id it does not know. A test can make it answer a
/// status, hold its answers until released, or stop it.
/// </summary>
internal sealed class EndpointsCatalog : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Namespace, string AppId), ResolvedEndpoint[]> services = new();
    private readonly LoopbackServer server;
    private volatile int failWith;
    private volatile TaskCompletionSource? held;

    private EndpointsCatalog() => server = new LoopbackServer(HandleAsync);

    public Recording<CatalogLookupRequest> Requests { get; } = new();

    public LoopbackServer Server => server;

    public Uri Url => server.Url;

    public static async Task<EndpointsCatalog> StartAsync()
    {
        var catalog = new EndpointsCatalog();
        await catalog.server.StartAsync();
        return catalog;
    }

    /// <summary>A known app-id none of whose sidecars has heartbeated recently.</summary>
    public void ListWithoutEndpoints(string @namespace, string appId) => List(@namespace, appId, Array.Empty<string>());

    /// <summary>Lists <paramref name="endpoints"/> (<c>address:port</c>) for the app-id.</summary>
    public void List(string @namespace, string appId, params string[] endpoints) =>
        services[(@namespace, appId)] = endpoints.Select((endpoint, i) => new ResolvedEndpoint
        {
            Pod = $"{appId}-{i}",
            Address = endpoint[..endpoint.LastIndexOf(':')].Trim('[', ']'),
            Port = int.Parse(endpoint[(endpoint.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture),
            LastHeartbeat = DateTimeOffset.UtcNow,
        }).ToArray();

    public void List(string @namespace, string appId, params Uri[] endpoints) =>
        List(@namespace, appId, endpoints.Select(e => e.Authority).ToArray());

    /// <summary>Answers every request with <paramref name="status"/> until <see cref="Recover"/>.</summary>
    public void Fail(int status) => failWith = status;

    public void Recover() => failWith = 0;

    /// <summary>Holds every answer until the returned action is called.</summary>
    public Action Hold()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        held = gate;
        return () =>
        {
            held = null;
            gate.SetResult();
        };
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        var authorization = context.Request.Headers.Authorization.ToString();
        Requests.Add(new CatalogLookupRequest(path, authorization.Length == 0 ? null : authorization));
        if (held is { } gate)
        {
            await gate.Task;
        }

        if (failWith != 0)
        {
            context.Response.StatusCode = failWith;
            return;
        }

        // {prefix}/services/{ns}/{appId}/endpoints
        var segments = path.Split('/');
        if (segments.Length < 5 || segments[^1] != "endpoints" || segments[^4] != "services"
            || !services.TryGetValue((segments[^3], segments[^2]), out var endpoints))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync("""{"type":"about:blank","title":"Not Found","status":404}""");
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(
            new ServiceEndpoints { Namespace = segments[^3], AppId = segments[^2], Items = endpoints }));
    }
}
