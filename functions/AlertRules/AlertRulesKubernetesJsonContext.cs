using System.Text.Json;
using System.Text.Json.Serialization;
using Periscope.Kubernetes.Resources;

namespace Periscope.Functions.AlertRules;

/// <summary>Source-generated JSON for the PrometheusRule kind (Periscope.Kubernetes describes other kinds with callers' own type infos).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PrometheusRuleObject))]
[JsonSerializable(typeof(ResourceList<PrometheusRuleObject>))]
internal sealed partial class AlertRulesKubernetesJsonContext : JsonSerializerContext;
