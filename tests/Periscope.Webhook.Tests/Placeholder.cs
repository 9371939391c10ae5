namespace Periscope.Webhook.Tests;
