namespace Periscope.Functions.Invoke;

/// <summary>The caller's body grew past <see cref="InvokeOptions.MaxRequestBodyBytes"/> while streaming.</summary>
internal sealed class RequestBodyTooLargeException(long limit)
    : IOException($"The request body is larger than {limit} bytes (Invoke:MaxRequestBodyBytes).")
{
    public long Limit { get; } = limit;
}
