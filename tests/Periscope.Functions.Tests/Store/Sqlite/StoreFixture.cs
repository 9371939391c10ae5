using Microsoft.Extensions.Options;
using Periscope.Functions.Store;
using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Tests.Store.Sqlite;

/// <summary>A real SQLite store in a fresh folder, and records to write into it.</summary>
internal sealed class StoreFixture : IDisposable
{
    public static readonly ServiceKey Orders = new("default", "orders");
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public StoreFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("periscope-store-").FullName;
        Store = Open();
    }

    public string Directory { get; }

    public SqliteCatalogStore Store { get; }

    public SqliteCatalogStore Open() => new(Options.Create(new StoreOptions { DataDirectory = Directory }));

    public static EndpointRecord Endpoint(ServiceKey service, string? hash, int secondsAfterStart = 0, string pod = "orders-1") =>
        new(service, pod, "app", "10.0.0.1", 3501, hash, Start.AddSeconds(secondsAfterStart), "test");

    public static DocumentRecord Document(ServiceKey service, string hash, string title = "Orders") =>
        new(service, hash, 0, "application/json", "/openapi.json", "{}", DocumentStatus.Parsed, "3.1.0", title, "1.0", null, "{}", "[]", Start);

    public static OperationRecord Operation(ServiceKey service, string operationId, string method = "GET", string path = "/orders", string? summary = null) =>
        new($"{service.Namespace}.{service.AppId}.{operationId}", service, method, path, operationId, summary, ["orders"], false, true, "{}");

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
