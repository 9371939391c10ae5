namespace Periscope.Functions.Tests.Hosting.Doubles;

internal sealed record Widget(string Name, int Size);
