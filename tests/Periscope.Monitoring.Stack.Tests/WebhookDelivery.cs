namespace Periscope.Monitoring.Stack.Tests;

internal sealed record WebhookDelivery(string Authorization, string Body);
