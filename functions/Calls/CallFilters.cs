using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Periscope.Catalog.Contracts;
using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Calls;

/// <summary>The query string of <c>GET /api/calls</c>, checked before it reaches the store; every mistake is listed in one 400.</summary>
internal sealed record CallFilters
{
    private const int MaxKeyIdLength = 128;

    [FromQuery(Name = "namespace")]
    public string? Namespace { get; init; }

    [FromQuery(Name = "appId")]
    public string? AppId { get; init; }

    /// <summary>An operation key, as the catalog gives it.</summary>
    [FromQuery(Name = "operation")]
    public string? Operation { get; init; }

    /// <summary><c>1xx</c> to <c>5xx</c>.</summary>
    [FromQuery(Name = "statusClass")]
    public string? StatusClass { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    /// <summary>RFC 3339; inclusive.</summary>
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>RFC 3339; exclusive.</summary>
    [FromQuery(Name = "to")]
    public string? To { get; init; }

    [FromQuery(Name = "keyId")]
    public string? KeyId { get; init; }

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    [FromQuery(Name = "continue")]
    public string? Continue { get; init; }

    public CallQuery? TryCreateQuery(out IResult? problem)
    {
        if (CatalogPaging.TryCreate(Limit, Continue, out problem) is not { } page)
        {
            return null;
        }

        var errors = new QueryErrors();

        errors.Check("namespace", Namespace is null ? null : ResourceNames.CheckLabel("namespace", Namespace));
        errors.Check("appId", AppId is null ? null : ResourceNames.CheckLabel("appId", AppId));
        errors.Check("operation", Operation is null || OperationKey.IsWellFormed(Operation)
            ? null
            : $"'operation' must be an operation key ('{{namespace}}.{{appId}}.{{operationId}}'); got '{Operation}'.");
        var statusClass = ParseStatusClass(StatusClass);
        errors.Check("statusClass", StatusClass is not null && statusClass is null ? $"'statusClass' must be one of 1xx, 2xx, 3xx, 4xx, 5xx; got '{StatusClass}'." : null);
        var status = ParseStatus(Status);
        errors.Check("status", Status is not null && status is null ? $"'status' must be an HTTP status code from 100 to 599; got '{Status}'." : null);
        var from = errors.Time("from", From);
        var to = errors.Time("to", To);
        errors.Check("to", from > to ? $"'from' ({From}) is after 'to' ({To})." : null);
        errors.Check("keyId", KeyId is { Length: 0 or > MaxKeyIdLength } ? $"'keyId' must be 1 to {MaxKeyIdLength} characters." : null);
        if (errors.TryGetProblem(out problem))
        {
            return null;
        }

        return new CallQuery(page)
        {
            Namespace = Namespace,
            AppId = AppId,
            OperationKey = Operation,
            StatusClass = statusClass,
            Status = status,
            From = from,
            To = to,
            KeyId = KeyId,
        };
    }

    private static int? ParseStatusClass(string? text) =>
        text is { Length: 3 } && text[0] is >= '1' and <= '5' && text.EndsWith("xx", StringComparison.OrdinalIgnoreCase) ? text[0] - '0' : null;

    private static int? ParseStatus(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 100 and <= 599 ? status : null;
}
