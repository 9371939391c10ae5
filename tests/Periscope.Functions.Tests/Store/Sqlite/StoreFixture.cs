using Microsoft.Extensions.Options;
using Periscope.Catalog.Contracts;
using Periscope.Functions.Store;
using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Tests.Store.Sqlite;

/// <summary>A real SQLite store in a fresh folder, and records to write into it.</summary>
internal sealed class StoreFixture : IDisposable
{
    public static readonly ServiceKey Orders = new("default", "orders");
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public StoreFixture(int maxTrafficOperations = 10_000)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("periscope-store-").FullName;
        MaxTrafficOperations = maxTrafficOperations;
        Store = Open();
    }

    private readonly List<SqliteDatabase> _databases = [];

    public string Directory { get; }

    public int MaxTrafficOperations { get; }

    public SqliteCatalogStore Store { get; }

    /// <summary>A store over the same folder, as a restarted host opens it.</summary>
    public SqliteCatalogStore Open()
    {
        var options = Options.Create(new StoreOptions { DataDirectory = Directory, MaxTrafficOperations = MaxTrafficOperations });
        var database = new SqliteDatabase(options);
        _databases.Add(database);
        return new SqliteCatalogStore(database, options);
    }

    public static EndpointRecord Endpoint(ServiceKey service, string? hash, int secondsAfterStart = 0, string pod = "orders-1") =>
        new(service, pod, "app", "10.0.0.1", 3501, hash, Start.AddSeconds(secondsAfterStart), "test");

    public static DocumentRecord Document(ServiceKey service, string hash, string title = "Orders") =>
        new(service, hash, 0, "application/json", "/openapi.json", "{}", DocumentStatus.Parsed, "3.1.0", title, "1.0", null, "{}", "[]", Start);

    public static OperationRecord Operation(ServiceKey service, string operationId, string method = "GET", string path = "/orders", string? summary = null) =>
        new($"{service.Namespace}.{service.AppId}.{operationId}", service, method, path, operationId, summary, ["orders"], false, true, "{}");

    /// <summary>
    /// Deltas of one operation: <paramref name="ok"/> 2xx and <paramref name="failed"/> 5xx answers, all in
    /// latency bucket <paramref name="bucket"/>, 100 bytes in and 200 out each, seen in the 10 s after the start plus <paramref name="secondsAfterStart"/>.
    /// </summary>
    public static TrafficRecord Calls(
        string method, string path, long ok, long failed = 0, bool inferred = false, int bucket = 2, int secondsAfterStart = 0)
    {
        var calls = ok + failed;
        var latency = new long[LatencyHistogram.StandardBoundsSeconds.Count + 1];
        latency[bucket] = calls;
        return new TrafficRecord(method, path, inferred, new TrafficTotals(
            [0, ok, 0, 0, failed], failed, latency, 0.002 * calls, 100 * calls, 200 * calls,
            Start.AddSeconds(secondsAfterStart), Start.AddSeconds(secondsAfterStart + 10)));
    }

    public static TrafficWrite Traffic(
        string instance, long sequence, IReadOnlyList<TrafficRecord> operations, string pod = "orders-1", long unattributed = 0, double daysAfterStart = 0)
    {
        var from = operations.Count > 0 ? operations.Min(operation => operation.Totals.FirstSeen) : Start;
        var to = operations.Count > 0 ? operations.Max(operation => operation.Totals.LastSeen) : Start;
        return new TrafficWrite(pod, instance, sequence, from, to, operations, unattributed, Start.AddDays(daysAfterStart));
    }

    public void Dispose()
    {
        _databases.ForEach(database => database.Dispose());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
