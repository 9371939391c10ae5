using Periscope.Functions.Hosting;

namespace Periscope.Functions.Store;

/// <summary><c>/readyz</c> is ready only while the store answers a query.</summary>
internal sealed class StoreReadinessCheck(ICatalogStore store) : IReadinessCheck
{
    public string Name => "store";

    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return $"The catalog store does not answer: {exception.Message}";
        }
    }
}
