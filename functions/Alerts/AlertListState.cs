namespace Periscope.Functions.Alerts;

/// <summary>
/// <c>GET /api/alerts?state=</c>: <see cref="Active"/> (default) is every firing alert; <see cref="Firing"/> the
/// firing ones nobody acknowledged; <see cref="Acknowledged"/> the firing ones somebody did.
/// </summary>
internal enum AlertListState
{
    Active,
    Firing,
    Acknowledged,
    Resolved,
    All,
}
