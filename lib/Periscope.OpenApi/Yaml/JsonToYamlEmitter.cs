using System.Buffers;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Periscope.OpenApi.Yaml;

/// <summary>Writes a JSON value as block-style YAML that reads back to the same JSON.</summary>
/// <remarks>
/// Strings that a YAML 1.2 or 1.1 reader would take for a number, boolean, null or date are
/// double-quoted (<see cref="YamlCoreSchema.NeedsQuotes"/>); keys too, because YAML readers type keys
/// like values (<c>200:</c> is an integer key). Multi-line strings use literal block style where that keeps
/// them exact and YamlDotNet allows it, and double quotes otherwise (for example with trailing spaces).
/// </remarks>
internal static class JsonToYamlEmitter
{
    // Long lines are not folded: folding is legal YAML but makes descriptions harder to diff.
    private static readonly EmitterSettings Settings = new(2, int.MaxValue, false, 1024);

    // A block scalar normalizes every line break to '\n' (YAML 1.2.2 §5.4), and YAML 1.1 readers also
    // break lines at NEL, LS and PS; strings holding those are double-quoted, where they are escaped.
    // Multi-line strings are never left to ScalarStyle.Any: YamlDotNet may fold them, which loses breaks.
    private static readonly SearchValues<char> NonLiteralBreaks = SearchValues.Create("\r\u0085\u2028\u2029");

    public static string Emit(JsonElement root)
    {
        using var writer = new StringWriter();
        var emitter = new Emitter(writer, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        EmitValue(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void EmitValue(IEmitter emitter, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var emptyObject = !element.EnumerateObject().Any();
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, emptyObject ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var property in element.EnumerateObject())
                {
                    EmitString(emitter, property.Name, isKey: true);
                    EmitValue(emitter, property.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonValueKind.Array:
                var emptyArray = element.GetArrayLength() == 0;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, emptyArray ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in element.EnumerateArray())
                {
                    EmitValue(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValueKind.String:
                EmitString(emitter, element.GetString()!, isKey: false);
                break;
            case JsonValueKind.Number:
                EmitPlain(emitter, element.GetRawText());
                break;
            case JsonValueKind.True:
                EmitPlain(emitter, "true");
                break;
            case JsonValueKind.False:
                EmitPlain(emitter, "false");
                break;
            default:
                EmitPlain(emitter, "null");
                break;
        }
    }

    private static void EmitString(IEmitter emitter, string value, bool isKey)
    {
        var style = YamlCoreSchema.NeedsQuotes(value) ? ScalarStyle.DoubleQuoted
            : value.AsSpan().IndexOfAny(NonLiteralBreaks) >= 0 ? ScalarStyle.DoubleQuoted
            : value.Contains('\n') ? (isKey ? ScalarStyle.DoubleQuoted : ScalarStyle.Literal)
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, true, true));
    }

    private static void EmitPlain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, true, false));
}
