using System.Buffers.Text;
using System.Text;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>
/// Opaque <c>continue</c> tokens: the sort key of the last item returned, joined with a separator that
/// cannot occur in names, base64url-encoded. A token that does not decode is the caller's error.
/// </summary>
internal static class ContinueToken
{
    private const char Separator = '\u001f';

    public static string Encode(params string[] parts) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, parts)));

    public static string[] Decode(string token, int expectedParts)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split(Separator);
            if (parts.Length == expectedParts)
            {
                return parts;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidContinueTokenException();
    }
}
