namespace Periscope.Forwarding;

/// <summary>The body grew past the limit given to <see cref="RequestBodyContent"/> while streaming.</summary>
internal sealed class RequestBodyTooLargeException(long limit)
    : IOException($"The request body is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
