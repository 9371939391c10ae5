namespace Periscope.JsonSchema;

/// <summary>The schema itself is malformed (not the instance).</summary>
public sealed class JsonSchemaException : Exception
{
    public JsonSchemaException()
    {
    }

    public JsonSchemaException(string message)
        : base(message)
    {
    }

    public JsonSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
