// Experiment only (bench/README.md, "sidecar"): three Kestrel apps, built like the sidecar, that split its cost.
//   answer      Kestrel reads the body and answers it itself: Kestrel's own cost, no upstream hop.
//   httpclient  Kestrel + one shared SocketsHttpHandler, the least forwarding code: what the sidecar's stack costs.
//   raw         Kestrel + pooled keep-alive sockets to the app, Content-Length bodies only, no header handling:
//               what a purpose-built HTTP/1.1 client would save at most.
//   yarp        Kestrel + YARP's IHttpForwarder over the same SocketsHttpHandler settings, no transforms: what
//               adopting YARP (it restores here since 2026-11-23) would cost or save against httpclient.
// Usage: Periscope.Bench.KestrelProxyExperiment answer|httpclient|raw|yarp <listen-port> <app-port>
using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Yarp.ReverseProxy.Forwarder;

// As the sidecar's Program.cs does: set before any socket exists.
Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
if (args.Length != 3 || args[0] is not ("answer" or "httpclient" or "raw" or "yarp")
    || !int.TryParse(args[1], out var listenPort) || !int.TryParse(args[2], out var appPort))
{
    Console.Error.WriteLine("usage: Periscope.Bench.KestrelProxyExperiment answer|httpclient|raw|yarp <listen-port> <app-port>");
    return 2;
}

var mode = args[0];
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(IPAddress.Loopback, listenPort);
});
builder.Services.AddHttpForwarder();
var app = builder.Build();
var invoker = new HttpMessageInvoker(new SocketsHttpHandler
{
    UseProxy = false,
    AllowAutoRedirect = false,
    UseCookies = false,
    ActivityHeadersPropagator = null,
    AutomaticDecompression = DecompressionMethods.None,
});
var appUri = new Uri($"http://127.0.0.1:{appPort}");
var pool = new ConcurrentBag<AppConnection>();
var yarp = app.Services.GetRequiredService<IHttpForwarder>();
var yarpPrefix = appUri.ToString();

app.Run(mode switch
{
    "answer" => AnswerAsync,
    "httpclient" => context => ForwardWithHttpClientAsync(context, invoker, appUri),
    "yarp" => context => ForwardWithYarpAsync(context, yarp, yarpPrefix, invoker),
    _ => context => ForwardRawAsync(context, pool, appPort),
});
await app.RunAsync();
return 0;

static async Task AnswerAsync(HttpContext context)
{
    var body = await ReadBodyAsync(context.Request.Body);
    context.Response.ContentType = "application/octet-stream";
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body);
}

static async Task ForwardWithHttpClientAsync(HttpContext context, HttpMessageInvoker invoker, Uri appUri)
{
    using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(appUri, context.Request.Path + context.Request.QueryString))
    {
        Content = new StreamContent(context.Request.Body),
    };
    request.Content.Headers.ContentLength = context.Request.ContentLength;
    if (context.Request.ContentType is { } contentType)
    {
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
    }

    using var response = await invoker.SendAsync(request, context.RequestAborted);
    context.Response.StatusCode = (int)response.StatusCode;
    foreach (var header in response.Headers.Concat(response.Content.Headers))
    {
        context.Response.Headers[header.Key] = header.Value.ToArray();
    }

    context.Response.Headers.Remove("Transfer-Encoding");
    await response.Content.CopyToAsync(context.Response.Body);
}

static async Task ForwardWithYarpAsync(HttpContext context, IHttpForwarder forwarder, string prefix, HttpMessageInvoker invoker)
{
    var error = await forwarder.SendAsync(context, prefix, invoker, ForwarderRequestConfig.Empty, HttpTransformer.Empty);
    if (error != ForwarderError.None)
    {
        Console.Error.WriteLine($"yarp: {error}");
    }
}

static async Task ForwardRawAsync(HttpContext context, ConcurrentBag<AppConnection> pool, int appPort)
{
    if (!pool.TryTake(out var connection))
    {
        connection = await AppConnection.OpenAsync(appPort);
    }

    var body = await ReadBodyAsync(context.Request.Body);
    var head = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} HTTP/1.1\r\nHost: 127.0.0.1:{appPort}\r\n"
        + $"Content-Type: {context.Request.ContentType}\r\nContent-Length: {body.Length}\r\n\r\n";
    var message = ArrayPool<byte>.Shared.Rent(Encoding.ASCII.GetByteCount(head) + body.Length);
    var headLength = Encoding.ASCII.GetBytes(head, message);
    body.CopyTo(message.AsSpan(headLength));
    await connection.Socket.SendAsync(message.AsMemory(0, headLength + body.Length), SocketFlags.None);
    ArrayPool<byte>.Shared.Return(message);

    var (status, bodyStart, bodyLength, contentType) = await connection.ReadHeadAsync();
    context.Response.StatusCode = status;
    context.Response.ContentLength = bodyLength;
    context.Response.ContentType = contentType;
    var buffered = Math.Min(connection.Filled - bodyStart, bodyLength);
    await context.Response.Body.WriteAsync(connection.Buffer.AsMemory(bodyStart, buffered));
    for (var remaining = bodyLength - buffered; remaining > 0;)
    {
        var read = await connection.Socket.ReceiveAsync(connection.Buffer.AsMemory(0, Math.Min(connection.Buffer.Length, remaining)), SocketFlags.None);
        if (read == 0)
        {
            throw new IOException("The app closed the connection mid-body.");
        }

        await context.Response.Body.WriteAsync(connection.Buffer.AsMemory(0, read));
        remaining -= read;
    }

    connection.Filled = 0;
    pool.Add(connection);
}

static async Task<byte[]> ReadBodyAsync(Stream body)
{
    using var copy = new MemoryStream();
    await body.CopyToAsync(copy);
    return copy.ToArray();
}

/// <summary>A keep-alive connection to the app that reads one response head at a time.</summary>
internal sealed class AppConnection
{
    public required Socket Socket { get; init; }

    public byte[] Buffer { get; } = new byte[16384];

    public int Filled { get; set; }

    public static async Task<AppConnection> OpenAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return new AppConnection { Socket = socket };
    }

    public async Task<(int Status, int BodyStart, int BodyLength, string? ContentType)> ReadHeadAsync()
    {
        int headEnd;
        while ((headEnd = Buffer.AsSpan(0, Filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            var read = await Socket.ReceiveAsync(Buffer.AsMemory(Filled), SocketFlags.None);
            if (read == 0)
            {
                throw new IOException("The app closed the connection.");
            }

            Filled += read;
        }

        var lines = Encoding.ASCII.GetString(Buffer, 0, headEnd).Split("\r\n");
        var status = int.Parse(lines[0].AsSpan(9, 3), provider: null);
        var length = 0;
        string? contentType = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line.AsSpan(15).Trim(), provider: null);
            }
            else if (line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
            {
                contentType = line[13..].Trim();
            }
        }

        return (status, headEnd + 4, length, contentType);
    }
}
