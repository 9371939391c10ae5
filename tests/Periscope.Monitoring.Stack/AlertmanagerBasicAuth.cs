namespace Periscope.Monitoring.Stack;

/// <summary>http_config.basic_auth of the webhook receiver.</summary>
public sealed record AlertmanagerBasicAuth(string Username, string Password);
