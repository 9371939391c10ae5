using Periscope.Sidecar;
using Periscope.Sidecar.Configuration;

// A proxy's work is all asynchronous I/O. Completing socket operations on the epoll thread instead of queueing
// each to the thread pool saves a thread hop per read and write, and one epoll thread instead of one per two
// cores keeps a request's two connections on the same thread: 5–15% less CPU per request and more requests/s at
// saturation (bench/README.md, "sidecar"), at the price of one core's worth of forwarding per sidecar, as Envoy
// sidecars run one or two workers by default (Consul's concurrency 1; Istio's 2, now derived from the CPU limit).
// System.Net.Sockets reads both once, at first use, so they are set before anything opens a socket; an operator's
// own setting wins.
SetDefault("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
SetDefault("DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT", "1");

// Options come from the command line or the environment (README.md); bad input exits with 2.
return await SidecarCommandLine.InvokeAsync(args, SidecarApplication.RunAsync);

static void SetDefault(string variable, string value)
{
    if (Environment.GetEnvironmentVariable(variable) is null)
    {
        Environment.SetEnvironmentVariable(variable, value);
    }
}
