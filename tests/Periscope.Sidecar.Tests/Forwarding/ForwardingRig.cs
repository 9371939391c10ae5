using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Periscope.Sidecar.Forwarding;
using Periscope.Sidecar.Tests.Fakes;

namespace Periscope.Sidecar.Tests.Forwarding;

/// <summary>
/// Client → front Kestrel (its terminal middleware calls <see cref="HttpForwarder"/>, answering 502/504
/// with Dapr's error body as the sidecar's ports do) → upstream Kestrel running the test's script.
/// </summary>
internal sealed class ForwardingRig : IAsyncDisposable
{
    private readonly HttpMessageInvoker invoker = ForwarderInvokerFactory.Create(TimeSpan.FromSeconds(5));
    private readonly LoopbackServer front;
    private readonly LoopbackServer upstream;
    private readonly RequestDelegate script;

    private ForwardingRig(RequestDelegate script)
    {
        this.script = script;
        var forwarder = new HttpForwarder(invoker, NullLogger<HttpForwarder>.Instance);
        upstream = new LoopbackServer(context =>
        {
            Unlimited(context);
            return this.script(context);
        });
        front = new LoopbackServer(async context =>
        {
            Unlimited(context);
            var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            var outcome = await forwarder.ForwardAsync(context, Destination ?? upstream.Url, target, Timeout);
            if (outcome.Error != ForwardError.None && !context.Response.HasStarted)
            {
                var status = outcome.Error == ForwardError.Timeout ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status502BadGateway;
                await DaprErrorResponse.WriteAsync(context, status, DaprErrorCodes.DirectInvoke, $"{outcome.Error}");
            }

            Outcomes.Add(outcome);
        });
        // The client sends trace headers only when a test sets them.
        Client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
        })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public HttpClient Client { get; }

    public Recording<ForwardOutcome> Outcomes { get; } = new();

    /// <summary>Where the front forwards to; the upstream unless a test points it elsewhere.</summary>
    public Uri? Destination { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public Uri FrontUrl => front.Url;

    public int FrontPort => front.Port;

    public Uri UpstreamUrl => upstream.Url;

    public static async Task<ForwardingRig> StartAsync(RequestDelegate script)
    {
        var rig = new ForwardingRig(script);
        await rig.upstream.StartAsync();
        await rig.front.StartAsync();
        return rig;
    }

    public Uri Front(string pathAndQuery) => new(front.Url, pathAndQuery);

    /// <summary>The outcome of the only request forwarded, once the front has finished with it.</summary>
    public async Task<ForwardOutcome> OutcomeAsync() => (await Outcomes.WaitForCountAsync(1, "the forward's outcome"))[0];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await front.DisposeAsync();
        await upstream.DisposeAsync();
        invoker.Dispose();
    }

    // Bodies of hundreds of MB are streamed, so Kestrel's 30 MB default must not stop them here.
    private static void Unlimited(HttpContext context) =>
        context.Features.GetRequiredFeature<IHttpMaxRequestBodySizeFeature>().MaxRequestBodySize = null;
}
