using System.Net.Sockets;
using System.Text;

namespace Periscope.EndToEnd.Tests.Gateway;

/// <summary>
/// Sends an HTTP/1.1 request with a request target exactly as written: HttpClient would remove dot segments
/// and re-escape, which is what an attacker does not do.
/// </summary>
internal static class RawHttp
{
    /// <returns>The status code and the whole response text.</returns>
    public static async Task<(int Status, string Response)> SendAsync(Uri server, string method, string target, string extraHeaders = "")
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var request = $"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n{extraHeaders}Content-Length: 0\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await reader.ReadToEndAsync(timeout.Token);
        var status = response.Split(' ', 3) is [_, var code, ..] && int.TryParse(code, out var parsed) ? parsed : 0;
        return (status, response);
    }
}
