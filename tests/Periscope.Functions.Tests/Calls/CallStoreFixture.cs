using Microsoft.Extensions.Options;
using Periscope.Functions.Store;
using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Tests.Calls;

/// <summary>A real SQLite call store in a fresh folder.</summary>
internal sealed class CallStoreFixture : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("periscope-calls-").FullName;
    private readonly SqliteDatabase _database;

    public CallStoreFixture()
    {
        _database = new SqliteDatabase(Options.Create(new StoreOptions { DataDirectory = _directory }));
        Store = new SqliteCallStore(_database);
    }

    public SqliteCallStore Store { get; }

    public SqliteDatabase Database => _database;

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
