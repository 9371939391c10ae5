using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Periscope.Sidecar.Tests.Forwarding;

/// <summary>
/// HTTP/1.1 over a bare socket, for what HttpClient will not send or hides: repeated header lines,
/// hop-by-hop headers, the exact header lines of a response. The request must ask for
/// <c>Connection: close</c>; the response is read to the end of the connection.
/// </summary>
internal static class RawHttp
{
    public static async Task<RawResponse> SendAsync(int port, string head, string body = "")
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ReplaceLineEndings("\r\n") + "\r\n"));
        await stream.WriteAsync(Encoding.UTF8.GetBytes(body));

        using var received = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await stream.CopyToAsync(received, timeout.Token);
        var text = Encoding.UTF8.GetString(received.ToArray());

        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lines = text[..end].Split("\r\n");
        var headers = lines[1..]
            .Select(line => line.Split(':', 2))
            .Select(parts => new KeyValuePair<string, string>(parts[0], parts[1].Trim()))
            .ToList();
        return new RawResponse(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, text[(end + 4)..]);
    }
}
