namespace Periscope.Monitoring.Stack;

/// <summary>A stack binary did not come up; the message carries its last output lines.</summary>
public sealed class StackStartException : Exception
{
    public StackStartException()
    {
    }

    public StackStartException(string message)
        : base(message)
    {
    }

    public StackStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
