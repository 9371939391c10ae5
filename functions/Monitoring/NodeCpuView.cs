namespace Periscope.Functions.Monitoring;

/// <summary>CPU utilisation 0..1 (iowait and steal count as idle, as in the node-mixin), CPU count, and load averages.</summary>
internal sealed record NodeCpuView(double? UtilisationRatio, int? Cores, double? Load1, double? Load5, double? Load15);
