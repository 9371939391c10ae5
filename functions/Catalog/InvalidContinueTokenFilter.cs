using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>A forged or stale <c>continue</c> token is the caller's mistake: 400, not 500.</summary>
internal sealed class InvalidContinueTokenFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (InvalidContinueTokenException exception)
        {
            return Problems.BadRequest(exception.Message);
        }
    }
}
