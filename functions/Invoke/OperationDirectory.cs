using System.Collections.Concurrent;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>
/// <see cref="ServiceOperations"/> per service, kept while the service's document version stays the same:
/// the operations are read from the store once per version (one load in flight per service), not per call.
/// </summary>
internal sealed class OperationDirectory(ICatalogStore store)
{
    private const int PageSize = 1000;

    private readonly ConcurrentDictionary<ServiceKey, Task<ServiceOperations>> loaded = new();

    public async Task<ServiceOperations> GetAsync(ServiceRecord service, CancellationToken cancellationToken)
    {
        while (true)
        {
            var task = loaded.GetOrAdd(service.Key, key => LoadAsync(key, service.CurrentDocumentHash, service.DocumentVersion));
            ServiceOperations operations;
            try
            {
                // The load is shared, so one caller going away must not cancel it for the others.
                operations = await task.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                loaded.TryRemove(KeyValuePair.Create(service.Key, task));
                throw;
            }

            if (operations.DocumentVersion >= service.DocumentVersion)
            {
                return operations;
            }

            // A newer document arrived since: load again (once, whoever gets here first).
            loaded.TryRemove(KeyValuePair.Create(service.Key, task));
        }
    }

    private async Task<ServiceOperations> LoadAsync(ServiceKey service, string? documentHash, long version)
    {
        // The store blocks and the matcher takes a while to build; the invoke function may be on a socket thread here (SocketThread).
        await SocketThread.Leave();
        var operations = new List<OperationRecord>();
        string? continuation = null;
        do
        {
            var page = await store.ListOperationsAsync(service, new PageRequest(PageSize, continuation), CancellationToken.None);
            operations.AddRange(page.Items);
            continuation = page.Continue;
        }
        while (continuation is not null);

        var document = documentHash is null ? null : await store.GetDocumentAsync(service, documentHash, CancellationToken.None);
        return new ServiceOperations(version, new OperationMatcher(operations, ServerPathPrefix.FromDocument(document?.NormalizedJson)));
    }
}
