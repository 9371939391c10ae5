using Periscope.Sidecar;
using Periscope.Sidecar.Configuration;

// A proxy's work is all asynchronous I/O: completing socket operations on the epoll thread instead of
// queueing each to the thread pool saves a thread hop per read and write (read by System.Net.Sockets
// once, at first use, so it is set before anything opens a socket). An operator's own setting wins.
// One epoll thread (DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT=1) measured 5–15% cheaper but is not the default
// until an end-to-end failure seen with it is understood (bench/README.md, "sidecar").
SetDefault("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");

// Options come from the command line or the environment (README.md); bad input exits with 2.
return await SidecarCommandLine.InvokeAsync(args, SidecarApplication.RunAsync);

static void SetDefault(string variable, string value)
{
    if (Environment.GetEnvironmentVariable(variable) is null)
    {
        Environment.SetEnvironmentVariable(variable, value);
    }
}
