using Microsoft.Extensions.Options;

namespace Periscope.Webhook.Tls;

/// <summary>Checks <see cref="TlsOptions"/> at start-up, so a bad setting stops the host naming the key.</summary>
internal sealed class TlsOptionsValidator : IValidateOptions<TlsOptions>
{
    public ValidateOptionsResult Validate(string? name, TlsOptions options)
    {
        var errors = Errors(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> Errors(TlsOptions options)
    {
        if (!Enum.IsDefined(options.Mode))
        {
            yield return $"Tls:Mode must be Files or Bootstrap; got {options.Mode}.";
        }

        if (options.Mode == TlsMode.Files)
        {
            if (string.IsNullOrWhiteSpace(options.CertificatePath))
            {
                yield return "Tls:CertificatePath is required in Files mode.";
            }

            if (string.IsNullOrWhiteSpace(options.KeyPath))
            {
                yield return "Tls:KeyPath is required in Files mode.";
            }

            if (options.ReloadInterval < TimeSpan.FromMilliseconds(10) || options.ReloadInterval > TimeSpan.FromDays(1))
            {
                yield return $"Tls:ReloadInterval must be 10 ms to a day; got {options.ReloadInterval:c}.";
            }

            yield break;
        }

        var bootstrap = options.Bootstrap;
        if (!IsDnsLabel(bootstrap.ServiceName))
        {
            yield return $"Tls:Bootstrap:ServiceName must be a DNS label (RFC 1123); got '{bootstrap.ServiceName}'.";
        }

        if (bootstrap.Namespace is { Length: > 0 } ns && !IsDnsLabel(ns))
        {
            yield return $"Tls:Bootstrap:Namespace must be a DNS label (RFC 1123); got '{ns}'.";
        }

        if (string.IsNullOrWhiteSpace(bootstrap.WebhookConfigurationName))
        {
            yield return "Tls:Bootstrap:WebhookConfigurationName is required in Bootstrap mode.";
        }

        if (string.IsNullOrWhiteSpace(bootstrap.CaSecretName))
        {
            yield return "Tls:Bootstrap:CaSecretName is required in Bootstrap mode.";
        }

        if (bootstrap.CertificateValidity < TimeSpan.FromHours(1))
        {
            yield return $"Tls:Bootstrap:CertificateValidity must be at least an hour; got {bootstrap.CertificateValidity:c}.";
        }

        if (bootstrap.CaValidity <= bootstrap.CertificateValidity)
        {
            yield return $"Tls:Bootstrap:CaValidity ({bootstrap.CaValidity:c}) must be longer than Tls:Bootstrap:CertificateValidity ({bootstrap.CertificateValidity:c}).";
        }

        if (bootstrap.RecheckInterval < TimeSpan.FromSeconds(1) || bootstrap.RecheckInterval > TimeSpan.FromDays(1))
        {
            yield return $"Tls:Bootstrap:RecheckInterval must be 1 s to a day; got {bootstrap.RecheckInterval:c}.";
        }
    }

    // RFC 1123 label, as Kubernetes validates Service and Namespace names (IsDNS1123Label).
    private static bool IsDnsLabel(string? value) =>
        value is { Length: > 0 and <= 63 }
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && value[0] != '-' && value[^1] != '-';
}
