namespace Periscope.EndToEnd.Tests.Infrastructure;

/// <summary>What a test client of the functions host presents.</summary>
internal enum FunctionsCredential
{
    None,
    ReportToken,
    AdminKey,
}
