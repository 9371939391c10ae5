using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Periscope.Kubernetes.Emulator.Admission;
using Periscope.Kubernetes.Emulator.Logs;
using Periscope.Kubernetes.Emulator.Resources;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Api;

/// <summary>
/// The emulated kube-apiserver's request handling: authentication, discovery, then one verb per partial
/// file. Every failure is a metav1 Status (api-conventions.md, "Response Status Kind").
/// </summary>
internal sealed partial class ApiHandler(
    KubernetesApiEmulatorOptions options,
    ObjectStore store,
    PodLogStore logs,
    AdmissionChain admission,
    Func<CancellationToken> watchDropToken)
{
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            Authenticate(context.Request);
            if (Discovery(context.Request.Path.Value ?? "/") is { } discovery)
            {
                await WriteJsonAsync(context, 200, discovery);
                return;
            }

            var path = RequestPath.Parse(context.Request.Path.Value ?? "/")
                ?? throw new ApiError(404, "NotFound", "the server could not find the requested resource", []);
            await DispatchAsync(context, path);
        }
        catch (ApiError error) when (!context.Response.HasStarted)
        {
            await WriteJsonAsync(context, error.Code, error.ToStatus());
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            // An emulator bug still answers in the wire format, with what went wrong for the test's output.
            await WriteJsonAsync(context, 500, new ApiError(500, "InternalError", $"Internal error occurred: {e}").ToStatus());
        }
    }

    private Task DispatchAsync(HttpContext context, RequestPath path)
    {
        var request = context.Request;
        var query = request.Query;
        return (request.Method, path.Name, path.Subresource) switch
        {
            ("GET", null, _) when query["watch"] is ["true" or "1"] => WatchAsync(context, path),
            ("GET", null, _) => WriteJsonAsync(context, 200, List(path, query)),
            ("GET", not null, "log") when path.Kind == ResourceCatalog.Pods => LogsAsync(context, path),
            ("GET", not null, null or "status") => WriteJsonAsync(context, 200, Get(path)),
            ("POST", null, _) => CreateAsync(context, path),
            ("PUT", not null, null or "status") => UpdateAsync(context, path),
            ("PATCH", not null, null or "status") => PatchAsync(context, path),
            ("DELETE", not null, null) => DeleteAsync(context, path),
            _ => throw new ApiError(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource"),
        };
    }

    private void Authenticate(HttpRequest request)
    {
        if (options.BearerToken is { } token && request.Headers.Authorization.ToString() != $"Bearer {token}")
        {
            throw new ApiError(401, "Unauthorized", "Unauthorized");
        }
    }

    private JsonObject Get(RequestPath path) =>
        store.Get(path.Kind, path.Namespace, path.Name!) ?? throw ApiError.NotFound(path.Kind, path.Name!);

    private static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw ApiError.BadRequest("the body of the request was not a JSON object");
        }
        catch (JsonException e)
        {
            throw ApiError.BadRequest($"the body of the request was in an unknown format: {e.Message}");
        }
    }

    internal static async Task WriteJsonAsync(HttpContext context, int code, JsonNode body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
