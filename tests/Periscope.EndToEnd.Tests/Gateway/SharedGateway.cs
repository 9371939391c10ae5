namespace Periscope.EndToEnd.Tests.Gateway;

/// <summary>The gateway test classes share one <see cref="GatewayFixture"/>: its processes start once.</summary>
[CollectionDefinition(Name)]
public sealed class SharedGateway : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
