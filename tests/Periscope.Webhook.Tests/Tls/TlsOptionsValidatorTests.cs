using Periscope.Webhook.Tls;

namespace Periscope.Webhook.Tests.Tls;

public sealed class TlsOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new TlsOptionsValidator().Validate(null, new TlsOptions()).Succeeded);
        Assert.True(new TlsOptionsValidator().Validate(null, new TlsOptions { Mode = TlsMode.Bootstrap }).Succeeded);
    }

    [Theory]
    [InlineData("Periscope_Webhook", null, "Tls:Bootstrap:ServiceName")]
    [InlineData("periscope-webhook", "-system", "Tls:Bootstrap:Namespace")]
    public void Validate_BadBootstrapName_FailsNamingTheKey(string service, string? ns, string key)
    {
        var options = new TlsOptions { Mode = TlsMode.Bootstrap, Bootstrap = new TlsBootstrapOptions { ServiceName = service, Namespace = ns } };

        var result = new TlsOptionsValidator().Validate(null, options);

        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CaShorterThanCertificate_Fails()
    {
        var options = new TlsOptions
        {
            Mode = TlsMode.Bootstrap,
            Bootstrap = new TlsBootstrapOptions { CaValidity = TimeSpan.FromDays(30), CertificateValidity = TimeSpan.FromDays(365) },
        };

        Assert.Contains("Tls:Bootstrap:CaValidity", new TlsOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EmptyCertificatePath_RefusesToStart()
    {
        var settings = new Dictionary<string, string?> { ["Tls:Mode"] = "Files", ["Tls:CertificatePath"] = " " };

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TlsTestHost.StartAsync(settings));

        Assert.Contains("Tls:CertificatePath", error.Message, StringComparison.Ordinal);
    }
}
