using Periscope.Catalog.Contracts;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>The <c>{namespace}/{appId}</c> route values, checked before they reach the store.</summary>
internal static class ServiceRoute
{
    public static ServiceKey? TryParse(string @namespace, string appId, out IResult? problem)
    {
        var error = ResourceNames.CheckLabel("namespace", @namespace) ?? ResourceNames.CheckLabel("appId", appId);
        problem = error is null ? null : Problems.BadRequest(error);
        return error is null ? new ServiceKey(@namespace, appId) : null;
    }

    public static IResult NotFound(ServiceKey service) =>
        Problems.NotFound($"No service '{service.AppId}' in namespace '{service.Namespace}' has reported to the catalog.");
}
