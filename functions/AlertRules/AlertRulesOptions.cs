using System.ComponentModel.DataAnnotations;

namespace Periscope.Functions.AlertRules;

/// <summary>Section <c>AlertRules</c>: where rendered rules go. Validated at start-up.</summary>
internal sealed record AlertRulesOptions
{
    public const string Section = "AlertRules";

    /// <summary>
    /// The rule file for a Prometheus that reads files (the local stack); empty to write none; relative to the working
    /// directory. Unset: <c>rules/periscope.yml</c> in <c>Store:DataDirectory</c>, so that two hosts with their own stores
    /// never overwrite each other's file.
    /// </summary>
    public string? RuleFilePath { get; init; }

    /// <summary>Where the rule file goes: <see cref="RuleFilePath"/>, or its default in <paramref name="dataDirectory"/>; null for none.</summary>
    public string? RuleFileIn(string dataDirectory) => RuleFilePath switch
    {
        null => Path.GetFullPath(Path.Combine(dataDirectory, "rules", "periscope.yml")),
        "" => null,
        var path => Path.GetFullPath(path),
    };

    /// <summary>POST <c>{Monitoring:PrometheusUrl}/-/reload</c> after writing the file (Prometheus needs <c>--web.enable-lifecycle</c>).</summary>
    public bool ReloadPrometheus { get; init; }

    /// <summary>Apply the rules as a PrometheusRule through the Kubernetes API.</summary>
    public bool ApplyToCluster { get; init; }

    /// <summary>The PrometheusRule's namespace.</summary>
    [Required]
    [RegularExpression("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    public string Namespace { get; init; } = "periscope";

    /// <summary>The PrometheusRule's name; one object holds every threshold rule.</summary>
    [Required]
    [RegularExpression("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    public string PrometheusRuleName { get; init; } = "periscope-threshold-rules";

    /// <summary>
    /// Labels on the PrometheusRule: the Prometheus resource's <c>ruleSelector</c> must match them. kube-prometheus
    /// selects every PrometheusRule of its namespace; the Helm chart kube-prometheus-stack selects
    /// <c>release: &lt;release name&gt;</c>, so set that here when installed by Helm.
    /// </summary>
    public Dictionary<string, string> PrometheusRuleLabels { get; init; } = new(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/part-of"] = "periscope",
        ["role"] = "alert-rules",
    };

    /// <summary>The rule group's name in the file and the PrometheusRule.</summary>
    [Required]
    public string GroupName { get; init; } = "periscope-threshold-rules";

    /// <summary>How long to wait for Prometheus's reload or the API server.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
