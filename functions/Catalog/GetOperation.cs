using System.Text.Json;
using System.Text.Json.Nodes;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>
/// <c>GET /api/operations/{operationKey}</c>: the low-code view of one operation — JSON Schema 2020-12 for
/// its parameters by location, its request body and each response, references resolved, so that a form
/// builder needs nothing else; and the operation's <c>traffic</c> (null when never called).
/// </summary>
internal sealed class GetOperation : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("operations/{operationKey}", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(string operationKey, ICatalogStore store, CancellationToken cancellationToken)
    {
        if (!OperationKey.IsWellFormed(operationKey))
        {
            return Problems.BadRequest(
                $"'{operationKey}' is not an operation key: keys read '{{namespace}}.{{appId}}.{{operationId}}', as the operations list gives them.");
        }

        if (await store.GetOperationAsync(operationKey, cancellationToken) is not { } operation)
        {
            return Problems.NotFound($"No cataloged operation has the key '{operationKey}'.");
        }

        var traffic = new TrafficIndex(await store.GetOperationTrafficAsync(operation.Service, operation.Method, operation.PathTemplate, cancellationToken));
        var view = new JsonObject
        {
            ["operationKey"] = operation.Key,
            ["namespace"] = operation.Service.Namespace,
            ["appId"] = operation.Service.AppId,
            ["documented"] = operation.Documented,
        };
        foreach (var (name, value) in JsonNode.Parse(operation.LowCodeViewJson)!.AsObject().ToList())
        {
            view[name] = value?.DeepClone();
        }

        view["traffic"] = JsonSerializer.SerializeToNode(TrafficView.From(traffic.Find(operation.Method, operation.PathTemplate)), JsonSerializerOptions.Web);

        return TypedResults.Text(view.ToJsonString(), "application/json");
    }
}
