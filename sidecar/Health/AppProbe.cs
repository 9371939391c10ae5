using System.Net.Sockets;
using Periscope.Sidecar.Configuration;
using Periscope.Sidecar.Invocation;

namespace Periscope.Sidecar.Health;

/// <summary>
/// Whether the app answers: a TCP connect to its port, as a Kubernetes <c>tcpSocket</c> probe does,
/// remembered for a second so frequent probes of the sidecar do not become load on the app.
/// </summary>
internal sealed class AppProbe(SidecarOptions options, TimeProvider time) : IAppReadiness, IDisposable
{
    private static readonly TimeSpan Remembered = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim single = new(1, 1);
    private (bool Answers, string? Detail, DateTimeOffset At)? last;

    public async Task<(bool Answers, string? Detail)> CheckAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } remembered)
        {
            return remembered;
        }

        await single.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } justChecked)
            {
                return justChecked;
            }

            var result = await ConnectAsync(cancellationToken);
            last = (result.Answers, result.Detail, time.GetUtcNow());
            return result;
        }
        finally
        {
            single.Release();
        }
    }

    public void Dispose() => single.Dispose();

    private (bool, string?)? Fresh() =>
        last is { } known && time.GetUtcNow() - known.At < Remembered ? (known.Answers, known.Detail) : null;

    private async Task<(bool Answers, string? Detail)> ConnectAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(options.AppChannelAddress, options.AppPort, timeout.Token);
            return (true, null);
        }
        catch (SocketException e)
        {
            return (false, $"the app does not accept connections at {options.AppChannelAddress}:{options.AppPort}: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"the app did not accept a connection at {options.AppChannelAddress}:{options.AppPort} within {ConnectTimeout.TotalSeconds:0} s");
        }
    }
}
