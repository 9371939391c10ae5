namespace Periscope.Functions.Access;

/// <summary>A key just made: <see cref="Token"/> goes to its creator once; the store keeps <see cref="Salt"/> and <see cref="Hash"/>.</summary>
internal sealed record GeneratedApiKey(string Id, string Token, byte[] Salt, byte[] Hash);
