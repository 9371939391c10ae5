namespace Periscope.Sidecar.Forwarding;

internal static class ForwardingServiceCollectionExtensions
{
    /// <summary>The key of the forwarder's <see cref="HttpMessageInvoker"/>, so no other client picks it up by type.</summary>
    public const string InvokerKey = "Periscope.Sidecar.Forwarding";

    /// <summary>One <see cref="IHttpForwarder"/> over one pooled invoker, shared by the inbound and outbound ports.</summary>
    public static IServiceCollection AddForwarding(this IServiceCollection services, TimeSpan connectTimeout)
    {
        services.AddKeyedSingleton(InvokerKey, (_, _) => ForwarderInvokerFactory.Create(connectTimeout));
        services.AddSingleton<IHttpForwarder>(provider => new HttpForwarder(
            provider.GetRequiredKeyedService<HttpMessageInvoker>(InvokerKey),
            provider.GetRequiredService<ILogger<HttpForwarder>>()));
        return services;
    }
}
