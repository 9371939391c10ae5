namespace Periscope.JsonSchema;

/// <summary>One failure: where in the instance (RFC 6901 pointer, "" for the root), which keyword, and a sentence for people.</summary>
public sealed record SchemaError(string InstancePath, string Keyword, string Message);
