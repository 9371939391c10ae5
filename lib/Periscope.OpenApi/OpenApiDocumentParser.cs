using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Periscope.OpenApi.Json;
using Periscope.OpenApi.LowCode;
using Periscope.OpenApi.Normalization;
using Periscope.OpenApi.Operations;
using Periscope.OpenApi.Reading;

namespace Periscope.OpenApi;

/// <summary>Understands a reported Swagger 2.0 or OpenAPI 3.0/3.1 document, in JSON or YAML.</summary>
/// <remarks>
/// <para>Stateless and thread-safe: each call works on its own copies. The steps:</para>
/// <list type="number">
/// <item>Decide JSON or YAML and read the text into a JSON tree (YAML through YamlDotNet).</item>
/// <item>Find the declared <c>swagger</c>/<c>openapi</c> version; without one the text is not a document.</item>
/// <item>Read the tree with Microsoft.OpenApi and write it back as OpenAPI 3.1 JSON, with our fix-ups.</item>
/// <item>List the path operations and give each a stable slug.</item>
/// <item>Build each operation's low-code view from the normalized JSON, resolving each component once.</item>
/// </list>
/// </remarks>
public sealed class OpenApiDocumentParser
{
    /// <summary>Parses <paramref name="content"/>; never throws for bad input, which yields diagnostics instead.</summary>
    /// <param name="content">The document text.</param>
    /// <param name="contentType">The media type it was served with, if known; the text itself decides when absent.</param>
    public ParsedDocument Parse(string content, string? contentType) => Parse(content, contentType, CancellationToken.None);

    /// <inheritdoc cref="Parse(string, string?)"/>
    /// <param name="content">The document text.</param>
    /// <param name="contentType">The media type it was served with, if known; the text itself decides when absent.</param>
    /// <param name="cancellationToken">Stops a long parse; the only exception besides a null <paramref name="content"/>.</param>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance API, so callers can inject and substitute the parser.")]
    public ParsedDocument Parse(string content, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var diagnostics = new List<ParseDiagnostic>();
        string? sourceVersion = null;
        try
        {
            // 1. Read the text.
            JsonNode? root;
            try
            {
                root = SourceReader.Read(content, ContentFormatDetector.Detect(content, contentType), diagnostics, cancellationToken);
            }
            catch (SourceSyntaxException exception)
            {
                diagnostics.Add(ParseDiagnostic.ErrorAt(exception.Message));
                return ParsedDocument.Failed(null, diagnostics);
            }

            // 2. Find the version.
            var version = DeclaredVersion.Find(root, diagnostics, out var notOpenApi);
            if (version is null)
            {
                diagnostics.Add(ParseDiagnostic.ErrorAt(notOpenApi!));
                return ParsedDocument.Failed(null, diagnostics);
            }

            sourceVersion = version.Text;
            if (version.Kind is not { } kind)
            {
                diagnostics.Add(ParseDiagnostic.ErrorAt(version.UnsupportedMessage, "/" + (root!["openapi"] is null ? "swagger" : "openapi")));
                return ParsedDocument.Failed(sourceVersion, diagnostics);
            }

            // 3. Normalize to 3.1.
            cancellationToken.ThrowIfCancellationRequested();
            var document = DocumentNormalizer.Normalize((JsonObject)root!, kind, diagnostics);
            if (document is null)
            {
                return ParsedDocument.Failed(sourceVersion, diagnostics);
            }

            // 4 and 5. Operations, slugs and views.
            var operations = DescribeOperations(document, diagnostics, cancellationToken);
            var info = document["info"];
            return new ParsedDocument(
                true,
                sourceVersion,
                JsonFields.String(info, "title"),
                JsonFields.String(info, "version"),
                JsonFields.String(info, "description"),
                document.ToJsonString(),
                diagnostics,
                operations);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The contract is "never throws for bad input": a defect of ours or of a library on some input
            // becomes a failed parse that names it, rather than a failed report.
            diagnostics.Add(ParseDiagnostic.ErrorAt($"Internal error while parsing the document ({exception.GetType().Name}: {exception.Message})."));
            return ParsedDocument.Failed(sourceVersion, diagnostics);
        }
    }

    internal static List<ApiOperation> DescribeOperations(JsonObject document, List<ParseDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var sites = OperationLocator.Locate(document, diagnostics);
        var slugs = OperationSlug.Assign([.. sites.Select(site => (site.Method, site.Path, JsonFields.String(site.Operation, "operationId")))]);

        var resolver = new ReferenceResolver(document, diagnostics);
        var budget = new ExpansionBudget();
        var views = new LowCodeViewBuilder(resolver, new SchemaInliner(resolver, budget), budget, diagnostics);

        var operations = new List<ApiOperation>(sites.Count);
        for (var i = 0; i < sites.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var site = sites[i];
            var operation = site.Operation;
            operations.Add(new ApiOperation(
                site.Method,
                site.Path,
                JsonFields.String(operation, "operationId"),
                JsonFields.String(operation, "summary"),
                JsonFields.String(operation, "description"),
                JsonFields.Strings(operation, "tags"),
                JsonFields.IsTrue(operation, "deprecated"),
                slugs[i],
                views.Build(site)));
        }

        return operations;
    }
}
