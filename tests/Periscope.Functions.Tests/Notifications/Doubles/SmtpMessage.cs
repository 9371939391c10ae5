namespace Periscope.Functions.Tests.Notifications.Doubles;

/// <summary>A message the <see cref="SmtpReceiver"/> accepted: envelope, credentials and raw DATA.</summary>
internal sealed record SmtpMessage(string? From, IReadOnlyList<string> To, string? Username, string? Password, string Data);
