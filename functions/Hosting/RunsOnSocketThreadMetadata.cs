namespace Periscope.Functions.Hosting;

/// <summary>
/// Endpoint metadata: the function may run on the socket thread that read its request
/// (<see cref="SocketThreadDispatchMiddleware"/>). Only for functions that never block and compute little: awaiting
/// I/O is fine, a store call or a long parse is not (<see cref="SocketThread.Leave"/> first).
/// </summary>
internal sealed class RunsOnSocketThreadMetadata
{
    public static readonly RunsOnSocketThreadMetadata Instance = new();

    private RunsOnSocketThreadMetadata()
    {
    }
}

internal static class RunsOnSocketThreadExtensions
{
    public static RouteHandlerBuilder RunsOnSocketThread(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(RunsOnSocketThreadMetadata.Instance);
}
