namespace Periscope.OpenApi.Reading;

/// <summary>The specification a document declares it follows.</summary>
internal enum SpecificationKind
{
    Swagger20,
    OpenApi30,
    OpenApi31,
}
