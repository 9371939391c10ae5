using Microsoft.Extensions.Options;

namespace Periscope.Functions.Access;

/// <summary>
/// Makes sure someone can manage keys on a fresh installation: when <c>Access:BootstrapKey</c> is not set
/// and the store holds no active Admin or ClusterOwner key at start, it generates an Admin key, stores its
/// hash, and prints the key once to standard output — where <c>kubectl logs</c> shows it to whoever
/// installed Periscope — and never again, since only the hash is kept.
/// </summary>
internal sealed partial class BootstrapAdminKey(
    IKeyStore store,
    IOptions<AccessOptions> options,
    TimeProvider clock,
    ILogger<BootstrapAdminKey> logger) : IHostedService
{
    public const string Announcement = "Periscope bootstrap Admin key (shown once): ";
    public const string KeyName = "bootstrap";
    public const string CreatedBy = "periscope";

    public Task StartAsync(CancellationToken cancellationToken) => EnsureAsync(Console.Out, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Generates and announces the key when needed; returns its id, or null when none was needed.</summary>
    public async Task<string?> EnsureAsync(TextWriter output, CancellationToken cancellationToken)
    {
        if (options.Value.BootstrapKey is not null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var generated = ApiKeyTokens.Generate();
        var key = new ApiKeyRecord(generated.Id, KeyName, Role.Admin, [], generated.Salt, generated.Hash, now, CreatedBy, null, null, null);
        if (!await store.CreateIfNoActiveAdminAsync(key, now, cancellationToken))
        {
            return null;
        }

        await output.WriteLineAsync(Announcement + generated.Token);
        await output.FlushAsync(cancellationToken);
        LogGenerated(logger, generated.Id);
        return generated.Id;
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning,
        Message = "No active Admin key and no Access:BootstrapKey: generated Admin key {KeyId} and printed it once to standard output; create your own keys with it, then revoke it")]
    private static partial void LogGenerated(ILogger logger, string keyId);
}
