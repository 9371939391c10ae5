namespace Periscope.Functions.Catalog;

/// <summary>
/// Traffic under a method and path template the current document does not describe: a shadow API the
/// sidecar inferred from request paths, or an operation an earlier document version had.
/// </summary>
internal sealed record InferredOperationView(string Method, string Path, TrafficView Traffic);
