namespace Periscope.Functions.Tests.Catalog;

/// <summary>The catalog function tests share one <see cref="CatalogHost"/>; each test reports under its own app-id.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCatalogHost : ICollectionFixture<CatalogHost>
{
    public const string Name = "catalog host";
}
