using System.Text.Json;
using Periscope.Catalog.Contracts;
using Periscope.Functions.Store;
using Periscope.OpenApi;

namespace Periscope.Functions.Catalog;

/// <summary>
/// Turns a validated report into a store write.
/// </summary>
/// <remarks>
/// (1) Hash the document, if any, and check it against the hash the sidecar claims. (2) A document whose
/// hash differs from the service's current one is parsed — outside the store's write lock, since a large
/// one takes a while — and becomes the next version; the same document again is not re-parsed. (3) A
/// heartbeat naming a hash the store has never held asks for the document. (4) A report identical to
/// what is stored, and without traffic, writes nothing. A traffic summary always goes to the store with
/// the rest of the report: only the write's transaction can tell whether its sequence was applied before.
/// </remarks>
internal sealed partial class CatalogIngestion(ICatalogStore store, OpenApiDocumentParser parser, TimeProvider clock, ILogger<CatalogIngestion> logger)
{
    public async Task<IngestionResult> IngestAsync(CatalogReport report, CancellationToken cancellationToken)
    {
        var service = new ServiceKey(report.Namespace!, report.AppId!);
        var now = clock.GetUtcNow();

        var hash = report.Document is { } sent ? DocumentHash.Of(sent.Content!) : report.DocumentHash; // 1
        if (report.Document is not null && report.DocumentHash is not null && report.DocumentHash != hash)
        {
            return IngestionResult.Invalid("documentHash", $"'documentHash' {report.DocumentHash} does not match the document's content, whose hash is {hash}.");
        }

        var endpoint = new EndpointRecord(
            service, report.Pod!, report.Container!, report.Endpoint!.Address!, report.Endpoint.Port!.Value, hash,
            report.HeartbeatAt!.Value > now ? now : report.HeartbeatAt.Value.ToUniversalTime(), report.SidecarVersion);
        var traffic = report.Traffic is { } summary ? ReportedTraffic.ToWrite(summary, report.Pod!, now) : null;
        var current = await store.GetServiceAsync(service, cancellationToken);

        if (report.Document is { } document && hash != current?.CurrentDocumentHash) // 2
        {
            var (record, operations) = Parse(service, document, hash!, now);
            var version = await store.ApplyAsync(new ReportWrite(endpoint, record, operations, traffic), cancellationToken);
            LogDocumentStored(logger, service, version, record.Status, operations.Count);
            return IngestionResult.Applied(ReportOutcome.DocumentUpdated, version);
        }

        var currentVersion = current?.DocumentVersion ?? 0;
        var documentRequired = report.Document is null && hash is not null && hash != current?.CurrentDocumentHash
            && await store.GetDocumentAsync(service, hash, cancellationToken) is null; // 3
        var previous = await store.GetEndpointAsync(service, endpoint.Pod, endpoint.Container, cancellationToken);
        if (previous == endpoint && !documentRequired && traffic is null) // 4
        {
            return IngestionResult.Applied(ReportOutcome.Unchanged, currentVersion);
        }

        await store.ApplyAsync(new ReportWrite(endpoint, null, [], traffic), cancellationToken);
        return IngestionResult.Applied(documentRequired ? ReportOutcome.DocumentRequired : ReportOutcome.Heartbeat, currentVersion);
    }

    private (DocumentRecord Record, IReadOnlyList<OperationRecord> Operations) Parse(ServiceKey service, ReportedDocument document, string hash, DateTimeOffset now)
    {
        var parsed = parser.Parse(document.Content!, document.ContentType);
        var record = new DocumentRecord(
            service, hash, Version: 0, document.ContentType!, document.SourcePath, document.Content!,
            parsed.Succeeded ? DocumentStatus.Parsed : DocumentStatus.Failed,
            parsed.SourceVersion, parsed.Title, parsed.ApiVersion, parsed.Description,
            parsed.NormalizedJson, JsonSerializer.Serialize(parsed.Diagnostics, DiagnosticJson.Options), now);
        var operations = parsed.Operations
            .Select(operation => new OperationRecord(
                OperationKey.Compose(service, operation.Slug), service, operation.Method, operation.PathTemplate,
                operation.OperationId, operation.Summary, operation.Tags, operation.Deprecated, Documented: true,
                operation.LowCodeViewJson))
            .ToList();
        return (record, operations);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Stored document version {Version} of {Service}: {Status}, {OperationCount} operations")]
    private static partial void LogDocumentStored(ILogger logger, ServiceKey service, long version, DocumentStatus status, int operationCount);
}
