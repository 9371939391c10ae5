using Microsoft.AspNetCore.Http.Features;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Invoke;

/// <summary>
/// Refuses an invoke request whose raw target is unsafe (<see cref="InvokePathGuard"/>) before routing sees
/// it. Kestrel removes dot segments from the path it routes with (RFC 3986 §5.2.4), so
/// <c>/api/invoke/default/orders/../../../v1.0/state</c> would otherwise be routed as <c>/api/v1.0/state</c> and
/// answered 404 by no function: harmless, but the attack deserves the 400 every other one gets, and nothing
/// under the invoke prefix should ever be resolved against a path the caller did not write.
/// </summary>
internal sealed class RawInvokeTargetFilter(HostJsonOptions hostJson) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        var prefix = (hostJson.RoutePrefix.Length == 0 ? string.Empty : "/" + hostJson.RoutePrefix) + "/invoke/";
        return app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
                var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
                var path = query < 0 ? rawTarget : rawTarget[..query];
                if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && InvokePathGuard.Check(path) is { } problem)
                {
                    await Problems.BadRequest($"The request cannot be forwarded: {problem}.").ExecuteAsync(context);
                    return;
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
