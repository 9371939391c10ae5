namespace Periscope.Catalog.Contracts;

/// <summary>Routes and headers of the catalog's report API, shared by the sidecar and the functions.</summary>
public static class CatalogRoutes
{
    /// <summary>Relative to the functions' route prefix (<c>/api</c> by default).</summary>
    public const string Reports = "catalog/reports";

    /// <summary>Relative to the route prefix: the endpoints an app-id resolves to (<see cref="ServiceEndpoints"/>).</summary>
    public static string Endpoints(string @namespace, string appId) =>
        $"services/{Uri.EscapeDataString(@namespace)}/{Uri.EscapeDataString(appId)}/endpoints";
}
