namespace Periscope.Functions.Hosting;

/// <summary>Something <c>/readyz</c> must find working (the store, for one).</summary>
internal interface IReadinessCheck
{
    string Name { get; }

    /// <summary>Null when ready; otherwise why not, for the response body.</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken);
}
