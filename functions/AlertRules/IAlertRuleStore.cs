namespace Periscope.Functions.AlertRules;

/// <summary>Where threshold rules are kept; the rendered files are always rebuilt from it.</summary>
internal interface IAlertRuleStore
{
    /// <summary>False when a rule of that name exists already.</summary>
    Task<bool> CreateAsync(AlertRule rule, CancellationToken cancellationToken);

    /// <summary>Creates or replaces; true when it created. A replaced rule keeps its <see cref="AlertRule.CreatedAt"/>.</summary>
    Task<bool> UpsertAsync(AlertRule rule, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);

    Task<AlertRule?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every rule, by name.</summary>
    Task<IReadOnlyList<AlertRule>> ListAsync(CancellationToken cancellationToken);
}
