namespace Periscope.Kubernetes.Emulator.Patching;

/// <summary>A patch that does not apply; the handler turns it into the apiserver's 422.</summary>
internal sealed class PatchException : Exception
{
    public PatchException()
    {
    }

    public PatchException(string message)
        : base(message)
    {
    }

    public PatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
