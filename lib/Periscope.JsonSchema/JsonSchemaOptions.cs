namespace Periscope.JsonSchema;

/// <summary>How a schema is compiled and applied.</summary>
public sealed record JsonSchemaOptions
{
    /// <summary>The defaults: formats asserted, 100 ms per regular-expression match, 64 levels of instance nesting.</summary>
    public static JsonSchemaOptions Default { get; } = new();

    /// <summary>
    /// Whether <c>format</c> is an assertion (default <see langword="true"/>). Draft 2020-12 makes it an
    /// annotation unless the format-assertion vocabulary is in use (Validation §7.2.1); a gateway that rejects
    /// bad input before a call wants the assertion, so it is on unless turned off here.
    /// </summary>
    public bool AssertFormat { get; init; } = true;

    /// <summary>
    /// The longest one <c>pattern</c> or <c>patternProperties</c> match may take (default 100 ms); a match that
    /// takes longer is reported as a failure, so a pathological pattern cannot hang a request.
    /// </summary>
    public TimeSpan RegexMatchTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How many containers deep the instance may nest (default 64, System.Text.Json's own default); deeper
    /// parts are reported once instead of being walked.
    /// </summary>
    public int MaxDepth { get; init; } = 64;
}
