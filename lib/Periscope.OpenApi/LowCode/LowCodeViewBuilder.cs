using System.Text.Json.Nodes;
using Periscope.OpenApi.Json;
using Periscope.OpenApi.Operations;

namespace Periscope.OpenApi.LowCode;

/// <summary>Builds the low-code view of an operation: its inputs and outputs as self-contained JSON Schemas.</summary>
/// <remarks>
/// <list type="number">
/// <item>Parameters of the path item and of the operation are merged, the operation's winning for the
/// same name and location (OpenAPI 3.1 §4.8.9.1), and grouped by location into one object schema each.</item>
/// <item>The request body and each response list their media types with the inlined schema.</item>
/// <item>Every top-level schema names its dialect with <c>$schema</c>, so a form builder can validate with it alone.</item>
/// </list>
/// Depth arguments count the JSON containers from the view's root object (depth 1) to the object being
/// built, so that the whole view stays within <see cref="SchemaInliner.DefaultMaxDepth"/>.
/// </remarks>
internal sealed partial class LowCodeViewBuilder
{
    private const string SchemaDialect = "https://json-schema.org/draft/2020-12/schema";

    // A pathological document could truncate every one of thousands of views; a few warnings say enough.
    private const int TruncationWarnings = 20;

    private readonly ReferenceResolver _resolver;
    private readonly SchemaInliner _inliner;
    private readonly ExpansionBudget _budget;
    private readonly List<ParseDiagnostic> _diagnostics;
    private bool _reportedDocumentLimit;
    private int _truncatedViews;
    private bool _examplesDropped;

    public LowCodeViewBuilder(ReferenceResolver resolver, SchemaInliner inliner, ExpansionBudget budget, List<ParseDiagnostic> diagnostics)
    {
        _resolver = resolver;
        _inliner = inliner;
        _budget = budget;
        _diagnostics = diagnostics;
    }

    public string Build(OperationSite site)
    {
        _budget.StartOperation();
        _inliner.ResetTruncation();
        _examplesDropped = false;
        var operation = site.Operation;
        var view = new JsonObject
        {
            ["method"] = site.Method,
            ["path"] = site.Path,
            ["operationId"] = JsonFields.String(operation, "operationId"),
            ["summary"] = JsonFields.String(operation, "summary"),
            ["description"] = JsonFields.String(operation, "description"),
            ["tags"] = new JsonArray([.. JsonFields.Strings(operation, "tags").Select(tag => JsonValue.Create(tag))]),
            ["deprecated"] = JsonFields.IsTrue(operation, "deprecated"),
            ["parameters"] = BuildParameters(site),
            ["requestBody"] = BuildRequestBody(operation["requestBody"], site.Pointer),
            ["responses"] = BuildResponses(operation["responses"], site.Pointer),
        };

        ReportLimits(site.Pointer);
        return view.ToJsonString();
    }

    private static JsonObject TopLevel(JsonNode? schema)
    {
        var obj = SchemaInliner.AsObject(schema);
        obj.Remove("$schema");
        obj.Insert(0, "$schema", SchemaDialect);
        return obj;
    }

    private void ReportLimits(string where)
    {
        if (_budget.DocumentExhausted)
        {
            if (!_reportedDocumentLimit)
            {
                _reportedDocumentLimit = true;
                _diagnostics.Add(ParseDiagnostic.WarningAt("The document's low-code views reached their total size limit; this and later operations' views are truncated.", where));
            }
        }
        else if ((_inliner.Truncated || _examplesDropped) && ++_truncatedViews <= TruncationWarnings)
        {
            var more = _truncatedViews == TruncationWarnings ? " Further truncated views are not reported." : string.Empty;
            _diagnostics.Add(ParseDiagnostic.WarningAt($"This operation's low-code view reached a depth or size limit and is truncated (x-periscope-truncated).{more}", where));
        }
    }
}
