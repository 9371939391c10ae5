using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Tests.Invocation;

/// <summary>Options of a sidecar for app-id <c>checkout</c> in namespace <c>shop</c>, resolving through <paramref name="catalog"/>.</summary>
internal static class InvocationOptions
{
    public static SidecarOptions For(Uri catalog) => new()
    {
        AppId = "checkout",
        AppPort = 5000,
        Namespace = "shop",
        Pod = "checkout-7d9f-abcde",
        CatalogUrl = catalog,
        EndpointPort = 3501,
        InvokeTimeout = TimeSpan.FromSeconds(5),
        RequestTimeout = TimeSpan.FromSeconds(2),
    };
}
