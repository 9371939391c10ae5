using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Periscope.Functions.Access;

/// <summary>
/// API keys as callers hold them: <c>psk_&lt;id&gt;_&lt;secret&gt;</c>. The prefix makes a leaked key
/// recognisable to secret scanners, and the public id finds its row without a search, the way GitHub's
/// <c>ghp_</c> tokens and Stripe's <c>sk_live_</c> keys are built
/// (github.blog/2021-04-05-behind-githubs-new-authentication-token-formats).
/// </summary>
/// <remarks>
/// Only <c>SHA-256(salt || secret)</c> is stored. The secret is 32 random bytes, so a fast hash is enough:
/// slow KDFs (PBKDF2, Argon2) exist to make guessing low-entropy passwords expensive, and 256 random bits
/// cannot be guessed at any hash speed (OWASP Password Storage Cheat Sheet is about human-chosen secrets;
/// security.stackexchange.com/q/232753). The salt keeps equal secrets from having equal hashes.
/// </remarks>
internal static class ApiKeyTokens
{
    public const string Prefix = "psk_";

    private const int IdBytes = 6;
    private const int SecretBytes = 32;
    private const int SaltBytes = 16;
    private const int IdLength = IdBytes * 2;
    private static readonly int SecretLength = Base64Url.GetEncodedLength(SecretBytes);

    /// <summary>A new key: its id, the text shown once to its creator, and what the store keeps.</summary>
    public static GeneratedApiKey Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new GeneratedApiKey(id, $"{Prefix}{id}_{secret}", salt, Hash(salt, secret));
    }

    /// <summary>Splits a presented key into its id and secret; false for anything not shaped like a key.</summary>
    public static bool TryParse(string presented, [NotNullWhen(true)] out string? id, [NotNullWhen(true)] out string? secret)
    {
        id = null;
        secret = null;
        if (presented.Length != Prefix.Length + IdLength + 1 + SecretLength
            || !presented.StartsWith(Prefix, StringComparison.Ordinal)
            || presented[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        var idPart = presented.AsSpan(Prefix.Length, IdLength);
        var secretPart = presented.AsSpan(Prefix.Length + IdLength + 1);
        if (!IsLowerHex(idPart) || !Base64Url.IsValid(secretPart))
        {
            return false;
        }

        id = idPart.ToString();
        secret = secretPart.ToString();
        return true;
    }

    /// <summary>Whether <paramref name="secret"/> hashes with <paramref name="salt"/> to <paramref name="hash"/>, in constant time.</summary>
    public static bool Verify(ReadOnlySpan<byte> salt, string secret, ReadOnlySpan<byte> hash) =>
        CryptographicOperations.FixedTimeEquals(Hash(salt, secret), hash);

    /// <summary>Whether the key id could have come from <see cref="Generate"/> (routes check it before any store read).</summary>
    public static bool IsId(string? value) => value is { Length: IdLength } && IsLowerHex(value);

    public static byte[] Hash(ReadOnlySpan<byte> salt, string secret)
    {
        var input = new byte[salt.Length + Encoding.UTF8.GetByteCount(secret)];
        salt.CopyTo(input);
        Encoding.UTF8.GetBytes(secret, input.AsSpan(salt.Length));
        var hash = SHA256.HashData(input);
        CryptographicOperations.ZeroMemory(input);
        return hash;
    }

    private static bool IsLowerHex(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
