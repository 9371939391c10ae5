using Periscope.Webhook;

WebhookApplication.Build(args).Run();
