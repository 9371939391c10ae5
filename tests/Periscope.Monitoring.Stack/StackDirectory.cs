namespace Periscope.Monitoring.Stack;

internal static class StackDirectory
{
    /// <summary>Removes a server's temporary directory; a leftover in /tmp must not fail the test.</summary>
    public static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
