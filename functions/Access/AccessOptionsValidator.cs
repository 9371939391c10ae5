using Microsoft.Extensions.Options;
using Periscope.Functions.Catalog;

namespace Periscope.Functions.Access;

/// <summary>Every problem with the <c>Access</c> section at once, so start-up fails with the whole list.</summary>
internal sealed class AccessOptionsValidator(IConfiguration configuration) : IValidateOptions<AccessOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        var errors = options.Validate().ToList();

        // The report token is recognised first, so a bootstrap key equal to it would only ever be a sidecar.
        if (options.BootstrapKey is { } bootstrap && bootstrap == configuration[$"{CatalogOptions.Section}:{nameof(CatalogOptions.ReportToken)}"])
        {
            errors.Add($"{AccessOptions.Section}:BootstrapKey must differ from {CatalogOptions.Section}:ReportToken.");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
