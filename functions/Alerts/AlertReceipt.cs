namespace Periscope.Functions.Alerts;

/// <summary>The receiver's answer: how many alerts came, how many changed state (and were notified), how many were repeats.</summary>
internal sealed record AlertReceipt(int Received, int Changed, int Unchanged, int TruncatedAlerts);
