namespace Periscope.Sidecar.Traffic;

/// <summary>
/// The labels of one operation's series, built once per operation so that recording a request passes
/// arrays it already has: no allocation, no string work on the request path.
/// </summary>
internal sealed class OperationMetricTags
{
    public OperationMetricTags(string appId, string operation, string method)
    {
        Operation =
        [
            new("app_id", appId),
            new("operation", operation),
            new("method", method),
        ];
        ByStatusClass = new KeyValuePair<string, object?>[StatusClasses.Count][];
        for (var i = 0; i < StatusClasses.Count; i++)
        {
            ByStatusClass[i] = [.. Operation, new("status_class", StatusClasses.NameOf(i))];
        }
    }

    /// <summary><c>app_id</c>, <c>operation</c>, <c>method</c>.</summary>
    public KeyValuePair<string, object?>[] Operation { get; }

    /// <summary><see cref="Operation"/> and <c>status_class</c>, by <see cref="StatusClasses"/> index.</summary>
    public KeyValuePair<string, object?>[][] ByStatusClass { get; }
}
