namespace Periscope.Functions.Access;

/// <summary>Why a request was refused: its status (401 or 403), what it needs, and the metric's reason label.</summary>
/// <param name="ErrorCode">The RFC 6750 §3.1 error code for the <c>WWW-Authenticate</c> challenge, if any.</param>
internal sealed record AccessDenial(int Status, string Reason, string Detail, string? ErrorCode = null);
