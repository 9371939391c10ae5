using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Tests.Fakes;

/// <summary>A report the fake catalog received, with the request details a test checks and what it answered.</summary>
internal sealed record RecordedReport(CatalogReport Report, string Path, string? Authorization, int Status, ReportOutcome? Outcome)
{
    public bool HasDocument => Report.Document is not null;

    public override string ToString() =>
        $"{Status} {Outcome} hash={Report.DocumentHash ?? "null"} document={(HasDocument ? Report.Document!.SourcePath : "none")}";
}
