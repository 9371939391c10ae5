using Microsoft.Data.Sqlite;

namespace Periscope.Functions.Store.Sqlite;

internal sealed partial class SqliteCatalogStore
{
    /// <remarks>
    /// In one transaction: endpoints whose last heartbeat is older than <paramref name="cutoff"/>; the traffic
    /// sequences of pods that have sent no summary since; then document versions nothing refers to any more (not a
    /// service's current one, not any remaining endpoint's), as a report's own pruning does. Services, their current
    /// documents, operations and traffic totals stay: the catalog still shows an API whose pods are all gone.
    /// </remarks>
    public Task<CatalogExpiry> ExpireAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => WriteAsync(
        (connection, transaction) =>
        {
            var before = Timestamp(cutoff);
            var endpoints = Delete(connection, transaction, "DELETE FROM endpoints WHERE last_heartbeat < $cutoff", before);
            var sequences = Delete(connection, transaction, "DELETE FROM traffic_sequences WHERE applied_at < $cutoff", before);
            var documents = endpoints == 0 ? 0 : Delete(connection, transaction, """
                DELETE FROM documents
                WHERE hash <> (SELECT s.current_hash FROM services AS s WHERE s.namespace = documents.namespace AND s.app_id = documents.app_id)
                  AND NOT EXISTS (SELECT 1 FROM endpoints AS e
                                  WHERE e.namespace = documents.namespace AND e.app_id = documents.app_id AND e.document_hash = documents.hash)
                """, cutoff: null);
            return new CatalogExpiry(endpoints, sequences, documents);
        },
        cancellationToken);

    private static int Delete(SqliteConnection connection, SqliteTransaction transaction, string sql, string? cutoff)
    {
        using var command = Command(connection, transaction, sql);
        if (cutoff is not null)
        {
            command.Parameters.AddWithValue("$cutoff", cutoff);
        }

        return command.ExecuteNonQuery();
    }
}
