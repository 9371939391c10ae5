using Periscope.Webhook.Admission;
using Periscope.Webhook.Hosting;
using Periscope.Webhook.Tls;

namespace Periscope.Webhook;

/// <summary>The webhook host's table of contents; tests build it the same way on loopback ports.</summary>
internal static class WebhookApplication
{
    /// <param name="args">Command line; <c>--Section:Key=value</c> overrides configuration.</param>
    /// <param name="services">Tests replace services here (a failing <see cref="IPodReviewer"/>); null in production.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddWebhookTls();
        builder.AddWebhookHosting();
        builder.Services.AddAdmission(builder.Configuration);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapHealthEndpoints();
        app.MapAdmission();
        return app;
    }
}
