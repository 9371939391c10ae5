using System.Text.Json;
using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Tests.Fakes;

/// <summary>
/// The catalog's report endpoint as the contract describes it: stores document hashes, answers
/// documentRequired to a heartbeat naming a hash it does not hold. A test can make it fail with a given
/// status, make it forget what it holds, or stop and restart it on the same port.
/// </summary>
internal sealed class FakeCatalog : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly LoopbackServer server;
    private readonly HashSet<string> heldHashes = [];
    private Failure? failure;

    private FakeCatalog() => server = new LoopbackServer(HandleAsync);

    public Recording<RecordedReport> Reports { get; } = new();

    public LoopbackServer Server => server;

    public Uri Url => server.Url;

    public static async Task<FakeCatalog> StartAsync()
    {
        var catalog = new FakeCatalog();
        await catalog.server.StartAsync();
        return catalog;
    }

    /// <summary>A catalog that is down: its port refuses connections until <see cref="LoopbackServer.StartAsync"/>.</summary>
    public static async Task<FakeCatalog> NotStartedAsync()
    {
        var catalog = new FakeCatalog();
        await catalog.server.ReservePortAsync();
        return catalog;
    }

    /// <summary>Answers every report with <paramref name="status"/> (and a problem details body) until <see cref="Recover"/>.</summary>
    public void Fail(int status, string? title = null, string? detail = null, int? retryAfterSeconds = null)
    {
        lock (gate)
        {
            failure = new Failure(status, title, detail, retryAfterSeconds);
        }
    }

    public void Recover()
    {
        lock (gate)
        {
            failure = null;
        }
    }

    /// <summary>Loses every stored document, as after a store reset.</summary>
    public void Forget()
    {
        lock (gate)
        {
            heldHashes.Clear();
        }
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Value!.EndsWith("/" + CatalogRoutes.Reports, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var report = await JsonSerializer.DeserializeAsync<CatalogReport>(context.Request.Body)
            ?? throw new InvalidOperationException("The report body was null.");
        var authorization = context.Request.Headers.Authorization.ToString();
        var (failed, outcome) = Answer(report);
        Reports.Add(new RecordedReport(report, context.Request.Path.Value!, authorization.Length == 0 ? null : authorization, failed?.Status ?? 200, outcome));

        if (failed is not null)
        {
            context.Response.StatusCode = failed.Status;
            if (failed.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (failed.Title is not null)
            {
                context.Response.ContentType = "application/problem+json";
                await context.Response.WriteAsync(JsonSerializer.Serialize(new { type = "about:blank", title = failed.Title, status = failed.Status, detail = failed.Detail }));
            }

            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new ReportResponse { Outcome = outcome!.Value, DocumentVersion = 1 }));
    }

    private (Failure? Failure, ReportOutcome? Outcome) Answer(CatalogReport report)
    {
        lock (gate)
        {
            if (failure is not null)
            {
                return (failure, null);
            }

            if (report.Document is not null && DocumentHash.Of(report.Document.Content ?? "") != report.DocumentHash)
            {
                return (new Failure(400, "The document does not match its hash", report.DocumentHash, null), null);
            }

            if (report.Document is not null)
            {
                return (null, heldHashes.Add(report.DocumentHash!) ? ReportOutcome.DocumentUpdated : ReportOutcome.Unchanged);
            }

            return report.DocumentHash is { } hash && !heldHashes.Contains(hash)
                ? (null, ReportOutcome.DocumentRequired)
                : (null, ReportOutcome.Heartbeat);
        }
    }

    private sealed record Failure(int Status, string? Title, string? Detail, int? RetryAfterSeconds);
}
