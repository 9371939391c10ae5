namespace Periscope.Functions.Store;

internal sealed record PageRequest(int Limit, string? Continue);
