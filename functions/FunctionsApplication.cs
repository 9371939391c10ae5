using Periscope.Functions.Access;
using Periscope.Functions.AlertRules;
using Periscope.Functions.Alerts;
using Periscope.Functions.Calls;
using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;
using Periscope.Functions.Invoke;
using Periscope.Functions.Monitoring;
using Periscope.Functions.Notifications;
using Periscope.Functions.Store;

namespace Periscope.Functions;

/// <summary>The functions host's table of contents; tests build it the same way on a loopback port.</summary>
internal static class FunctionsApplication
{
    public static WebApplication Build(string[] args)
    {
        // The content root is the binary's folder, so appsettings.json and host.json beside it apply
        // wherever the host is started from.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddFunctionsHost();
        builder.Services.AddCatalogStore(builder.Configuration);
        builder.Services.AddCatalog(builder.Configuration);
        builder.Services.AddAccess(builder.Configuration);
        builder.Services.AddCallRecords(builder.Configuration);
        builder.Services.AddInvoke(builder.Configuration);
        builder.Services.AddMonitoring(builder.Configuration);
        builder.Services.AddAlerts(builder.Configuration);
        builder.Services.AddNotifications(builder.Configuration);
        builder.Services.AddAlertRules(builder.Configuration);

        var app = builder.Build();
        app.UseFunctionsHost();
        app.UseAccess();
        app.MapHostEndpoints();
        app.MapFunctions(api => api
            .MapCatalogFunctions()
            .MapAccessFunctions()
            .MapCallFunctions()
            .MapInvokeFunctions()
            .MapMonitoringFunctions()
            .MapAlertFunctions()
            .MapNotificationFunctions()
            .MapAlertRuleFunctions());
        StartupWarmUp.BuildEndpoints(app);
        return app;
    }
}
