using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;
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

        var app = builder.Build();
        app.UseFunctionsHost();
        app.MapHostEndpoints();
        app.MapFunctions(api => api.MapCatalogFunctions());
        return app;
    }
}
