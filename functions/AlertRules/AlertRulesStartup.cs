namespace Periscope.Functions.AlertRules;

/// <summary>Publishes the stored rules once at start, so a fresh rule file or cluster matches the store before any change.</summary>
internal sealed class AlertRulesStartup(AlertRulePublisher publisher) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken) => await publisher.PublishAsync(stoppingToken);
}
