namespace Periscope.Functions.Tests.Calls;

/// <summary>The call function tests share one <see cref="CallsHost"/>; each test records under its own app-id.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCallsHost : ICollectionFixture<CallsHost>
{
    public const string Name = "calls host";
}
