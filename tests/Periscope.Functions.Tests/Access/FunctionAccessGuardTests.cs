using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Access;

/// <summary>
/// Issue 4's guard: every function the real application maps (FunctionsApplication.Build) is called with
/// sample route values and each credential, so a function added later cannot be left open by mistake.
/// </summary>
public sealed class FunctionAccessGuardTests
{
    /// <summary>Functions that are not reads yet admit any key, Viewer included: who-am-I.</summary>
    private static readonly HashSet<string> AdmitAnyKey = [nameof(GetCurrentCaller)];

    private static readonly Dictionary<string, string> SampleValues = new(StringComparer.Ordinal)
    {
        ["namespace"] = "default",
        ["appId"] = "orders",
        ["operationKey"] = "default.orders.getOrder",
        ["id"] = "0123456789ab",
    };

    [Fact]
    public async Task EveryFunction_AnonymousReadsOff_RefusesWhoeverItDoesNotAdmit()
    {
        await using var host = await AccessHost.StartAsync(["--Access:RateLimit:PermitsPerSecond=0"]);
        var (_, viewerKey) = await host.CreateKeyAsync(Role.Viewer, "guard viewer");
        using var viewer = host.CreateClient(viewerKey);
        using var sidecar = host.CreateClient(AccessHost.ReportToken);
        var functions = Functions(host);
        var failures = new List<string>();

        foreach (var function in functions)
        {
            if (function.Requirement is not { } requirement)
            {
                failures.Add($"{function}: no AccessRequirement (call RequireReader, RequireRole, RequireSidecar or RequireSidecarOrReader in its Map)");
                continue;
            }

            await Expect(failures, function, "no credentials", host.Client, HttpStatusCode.Unauthorized);
            var viewerAdmitted = requirement.MinimumRole == Role.Viewer && (requirement.IsRead || AdmitAnyKey.Contains(function.Name));
            await Expect(failures, function, "a Viewer key", viewer, viewerAdmitted ? null : HttpStatusCode.Forbidden);
            await Expect(failures, function, "the report token", sidecar, requirement.AdmitsSidecar ? null : HttpStatusCode.Forbidden);
        }

        Assert.Empty(failures);
        Assert.Contains(functions, function => function.Name == "IngestReport");
        Assert.Contains(functions, function => function.Name == nameof(CreateKey));
    }

    [Fact]
    public async Task EveryFunction_AnonymousReadsOn_OpensReadsOnly()
    {
        await using var host = await AccessHost.StartAsync(["--Access:AnonymousReads=true", "--Access:RateLimit:PermitsPerSecond=0"]);
        var failures = new List<string>();

        foreach (var function in Functions(host))
        {
            var isRead = function.Requirement?.IsRead == true;
            await Expect(failures, function, "no credentials (anonymous reads on)", host.Client, isRead ? null : HttpStatusCode.Unauthorized);
        }

        Assert.Empty(failures);
    }

    /// <summary><paramref name="expected"/> null: admitted — anything but 401 or 403 (the function ran, perhaps refusing the sample values).</summary>
    private static async Task Expect(List<string> failures, FunctionRoute function, string who, HttpClient client, HttpStatusCode? expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(function.Method), function.Path);
        using var response = await client.SendAsync(request);
        var status = response.StatusCode;
        var ok = expected is { } refused
            ? status == refused
            : status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        if (!ok)
        {
            failures.Add($"{function} with {who}: expected {(expected is null ? "admission" : ((int)expected).ToString())}, got {(int)status}");
        }
    }

    private static List<FunctionRoute> Functions(AccessHost host) =>
        host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<FunctionEndpointMetadata>() is not null)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new FunctionRoute(
                endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName ?? "?",
                method,
                SamplePath(endpoint.RoutePattern),
                endpoint.Metadata.GetMetadata<AccessRequirement>())))
            .ToList();

    private static string SamplePath(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => SampleValues.GetValueOrDefault(parameter.Name, parameter.IsCatchAll ? "sample/path" : "sample"),
            _ => "",
        }))));

    private sealed record FunctionRoute(string Name, string Method, string Path, AccessRequirement? Requirement)
    {
        public override string ToString() => $"{Name} ({Method} {Path})";
    }
}
