using Periscope.Functions;

// Socket operations complete on the sockets' event threads instead of each being queued to the thread pool, and
// the invoke function runs there from request to answer (SocketThreadDispatchMiddleware; everything else moves to
// the pool): a gateway call costs about 30% less CPU and 0.2–0.3 ms less at the median (bench/README.md, "The
// gateway host on its socket threads"). System.Net.Sockets reads the variable once, at first use, so it is set
// before anything opens a socket; an operator's own setting (0 turns it off) wins.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

await FunctionsApplication.Build(args).RunAsync();
