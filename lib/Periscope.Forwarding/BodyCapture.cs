namespace Periscope.Forwarding;

/// <summary>
/// The first bytes of a body as it streams past (the gateway keeps them for its call record); never more
/// than <c>limit</c>.
/// </summary>
public sealed class BodyCapture(int limit)
{
    private byte[] buffer = [];
    private int length;

    /// <summary>Whether bytes past the limit went by uncaptured.</summary>
    public bool Truncated { get; private set; }

    public ReadOnlyMemory<byte> Captured => buffer.AsMemory(0, length);

    public void Append(ReadOnlySpan<byte> data)
    {
        var room = limit - length;
        if (data.Length > room)
        {
            Truncated = true;
            data = data[..Math.Max(room, 0)];
        }

        if (data.IsEmpty)
        {
            return;
        }

        if (buffer.Length < length + data.Length)
        {
            Array.Resize(ref buffer, Math.Min(limit, Math.Max(length + data.Length, Math.Max(256, buffer.Length * 2))));
        }

        data.CopyTo(buffer.AsSpan(length));
        length += data.Length;
    }
}
