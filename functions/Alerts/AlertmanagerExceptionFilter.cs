using Periscope.Functions.Hosting;

namespace Periscope.Functions.Alerts;

/// <summary>Turns an <see cref="AlertmanagerException"/> into its problem (503 when Alertmanager is down, with the cause).</summary>
internal sealed class AlertmanagerExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (AlertmanagerException exception)
        {
            return Problems.Problem(exception.Status, exception.Message);
        }
    }
}
