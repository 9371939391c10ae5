using Periscope.Sidecar;
using Periscope.Sidecar.Configuration;

// A proxy's work is all asynchronous I/O: completing socket operations on the epoll thread instead of
// queueing each to the thread pool saves a thread hop per read and write (read by System.Net.Sockets
// once, at first use, so it is set before anything opens a socket). An operator's own setting wins.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

// Options come from the command line or the environment (README.md); bad input exits with 2.
return await SidecarCommandLine.InvokeAsync(args, SidecarApplication.RunAsync);
