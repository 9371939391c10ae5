using System.Globalization;
using System.Text.RegularExpressions;

namespace Periscope.Functions.Alerts;

/// <summary>
/// The body of <c>POST /api/alerts/silences</c>: matchers, when it starts (default now), and either when it ends or
/// for how long (<c>duration</c> as Prometheus writes durations: <c>2h</c>, <c>1h30m</c>, <c>1d</c>), and why.
/// </summary>
internal sealed partial record CreateSilenceRequest(
    IReadOnlyList<SilenceMatcher>? Matchers,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Duration,
    string? Comment)
{
    private const int MaxMatchers = 32;
    private const int MaxCommentLength = 1024;

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LabelName();

    [GeneratedRegex("^(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DurationText();

    /// <summary>What Alertmanager is sent, or null with every mistake in <paramref name="errors"/>.</summary>
    public AlertmanagerSilencePost? Check(string createdBy, DateTimeOffset now, out Dictionary<string, string[]> errors)
    {
        var failures = errors = [];
        void Fail(string field, string message) => failures[field] = [message];

        if (Matchers is not { Count: > 0 and <= MaxMatchers })
        {
            Fail("matchers", $"'matchers' must hold 1 to {MaxMatchers} matchers {{name, value, isRegex, isEqual}}.");
        }
        else
        {
            for (var i = 0; i < Matchers.Count; i++)
            {
                if (Matchers[i] is not { Name: { } name, Value: not null } || !LabelName().IsMatch(name))
                {
                    Fail($"matchers[{i}]", $"'matchers[{i}]' needs a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*) and a value.");
                }
            }
        }

        if (string.IsNullOrWhiteSpace(Comment) || Comment.Length > MaxCommentLength)
        {
            Fail("comment", $"'comment' is required (1 to {MaxCommentLength} characters): say why the alerts are silenced.");
        }

        var startsAt = StartsAt ?? now;
        DateTimeOffset? endsAt = null;
        if ((EndsAt is null) == (Duration is null))
        {
            Fail("endsAt", "Give either 'endsAt' or 'duration' (such as \"2h\"), not both and not neither.");
        }
        else if (Duration is not null)
        {
            if (ParseDuration(Duration) is { } length && length > TimeSpan.Zero)
            {
                endsAt = startsAt + length;
            }
            else
            {
                Fail("duration", $"'duration' must be a positive duration such as \"30m\", \"2h\" or \"1d12h\"; got \"{Duration}\".");
            }
        }
        else if (EndsAt <= startsAt || EndsAt <= now)
        {
            Fail("endsAt", $"'endsAt' ({EndsAt:O}) must be after 'startsAt' ({startsAt:O}) and in the future.");
        }
        else
        {
            endsAt = EndsAt;
        }

        return errors.Count > 0 ? null : new AlertmanagerSilencePost(Matchers!, startsAt, endsAt!.Value, createdBy, Comment!);
    }

    private static TimeSpan? ParseDuration(string text)
    {
        var match = DurationText().Match(text);
        if (text.Length == 0 || !match.Success)
        {
            return null;
        }

        long Part(int group) => match.Groups[group].Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            return checked(TimeSpan.FromDays(Part(1)) + TimeSpan.FromHours(Part(2)) + TimeSpan.FromMinutes(Part(3)) + TimeSpan.FromSeconds(Part(4)));
        }
        catch (Exception exception) when (exception is OverflowException or ArgumentOutOfRangeException or FormatException)
        {
            return null;
        }
    }
}
