namespace Periscope.Kubernetes.Tests;

/// <summary>One test CA for tests that only need a parseable PEM certificate, made once per run (RSA keys are slow).</summary>
internal static class SharedCertificates
{
    private static readonly TestCertificates Certificates = new();

    public static string Pem { get; } = Certificates.AuthorityPem;
}
