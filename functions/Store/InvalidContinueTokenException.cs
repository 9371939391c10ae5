namespace Periscope.Functions.Store;

/// <summary>A <c>continue</c> token that this store did not issue; the caller answers 400.</summary>
internal sealed class InvalidContinueTokenException : Exception
{
    public InvalidContinueTokenException()
        : base("The 'continue' token is not one this list issued; start again without it.")
    {
    }

    public InvalidContinueTokenException(string message)
        : base(message)
    {
    }

    public InvalidContinueTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
