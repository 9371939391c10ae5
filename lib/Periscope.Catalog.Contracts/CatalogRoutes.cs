namespace Periscope.Catalog.Contracts;

/// <summary>Routes and headers of the catalog's report API, shared by the sidecar and the functions.</summary>
public static class CatalogRoutes
{
    /// <summary>Relative to the functions' route prefix (<c>/api</c> by default).</summary>
    public const string Reports = "catalog/reports";
}
