namespace Periscope.Functions.Tests.Access;

/// <summary>One <see cref="AccessHost"/> with default settings for a test class; each test makes its own keys.</summary>
public sealed class AccessHostFixture : IAsyncLifetime
{
    internal AccessHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await AccessHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
