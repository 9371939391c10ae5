// Experiment only: the least a .NET HTTP/1.1 keep-alive proxy can do per request (Content-Length bodies only).
using System.Net;
using System.Net.Sockets;
using System.Text;

var listenPort = int.Parse(args[0]);
var upstreamPort = int.Parse(args[1]);
var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
listener.Bind(new IPEndPoint(IPAddress.Loopback, listenPort));
listener.Listen(512);
while (true)
{
    var client = await listener.AcceptAsync();
    client.NoDelay = true;
    _ = Task.Run(() => ServeAsync(client, upstreamPort));
}

static async Task ServeAsync(Socket client, int upstreamPort)
{
    using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    await upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, upstreamPort));
    var inBuf = new byte[65536];
    var outBuf = new byte[65536];
    try
    {
        while (true)
        {
            if (!await RelayMessageAsync(client, upstream, inBuf)) return;
            if (!await RelayMessageAsync(upstream, client, outBuf)) return;
        }
    }
    catch (SocketException) { }
    finally { client.Dispose(); }
}

// Reads one message (head + Content-Length body) from `from` and writes it to `to` as it arrives.
static async Task<bool> RelayMessageAsync(Socket from, Socket to, byte[] buffer)
{
    var filled = 0;
    int headEnd;
    while ((headEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
    {
        var n = await from.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None);
        if (n == 0) return false;
        filled += n;
    }
    var bodyLength = ContentLength(buffer.AsSpan(0, headEnd));
    var total = headEnd + 4 + bodyLength;
    while (filled < total)
    {
        var n = await from.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None);
        if (n == 0) return false;
        filled += n;
    }
    await to.SendAsync(buffer.AsMemory(0, filled), SocketFlags.None);
    return true;
}

static int ContentLength(ReadOnlySpan<byte> head)
{
    var text = Encoding.ASCII.GetString(head);
    foreach (var line in text.Split("\r\n"))
    {
        if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            return int.Parse(line.AsSpan(15).Trim());
    }
    return 0;
}
