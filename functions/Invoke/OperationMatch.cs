namespace Periscope.Functions.Invoke;

/// <summary>The documented operation a call is: its catalog key and path template.</summary>
internal sealed record OperationMatch(string OperationKey, string PathTemplate);
