namespace Periscope.Functions.Tests.AlertRules;

/// <summary>The rule function tests share one <see cref="AlertRulesHost"/>; each test uses its own rule names.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAlertRulesHost : ICollectionFixture<AlertRulesHost>
{
    public const string Name = "alert rules host";
}
