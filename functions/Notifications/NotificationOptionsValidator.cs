using Microsoft.Extensions.Options;

namespace Periscope.Functions.Notifications;

/// <summary>Every problem with the <c>Notifications</c> section at once: the time zone and each configured channel.</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var errors = new List<string>();
        if (NotificationTimeZone.TryFind(options.TimeZone) is null)
        {
            errors.Add($"{NotificationOptions.Section}:TimeZone '{options.TimeZone}' is not a time zone this machine knows (an IANA id such as Asia/Shanghai).");
        }

        if (options.MaxBackoff < options.InitialBackoff)
        {
            errors.Add($"{NotificationOptions.Section}:MaxBackoff must not be shorter than InitialBackoff.");
        }

        foreach (var (channelName, channel) in options.Channels)
        {
            var (_, channelErrors) = ChannelValidator.Validate(channel.ToRequest(channelName), existingSecret: null);
            errors.AddRange(channelErrors.SelectMany(error => error.Value.Select(message =>
                $"{NotificationOptions.Section}:Channels:{channelName}: {error.Key}: {message}")));
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
