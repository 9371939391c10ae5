namespace Periscope.Functions.Alerts;

/// <summary>The optional body of <c>POST /api/alerts/{id}/acknowledge</c>.</summary>
internal sealed record AcknowledgeRequest(string? Comment);
