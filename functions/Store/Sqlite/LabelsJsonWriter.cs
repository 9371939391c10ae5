using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>
/// Writes label and annotation maps as the JSON text the alert tables store, reusing one buffer and one writer
/// for a whole payload: <c>JsonSerializer.Serialize</c> per map cost a 1,000-alert insert 5–12 ms of its ~30
/// (bench/alerts/run.sh). Escapes as <c>JsonSerializer</c>'s defaults do, so rows written either way compare equal.
/// Not thread-safe: one per transaction.
/// </summary>
internal sealed class LabelsJsonWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public LabelsJsonWriter() => _writer = new Utf8JsonWriter(_buffer);

    public string Write(IReadOnlyDictionary<string, string> map)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        foreach (var (name, value) in map)
        {
            _writer.WriteString(name, value);
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    public void Dispose() => _writer.Dispose();
}
