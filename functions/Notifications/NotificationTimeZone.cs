namespace Periscope.Functions.Notifications;

/// <summary>The time zone messages are written in.</summary>
internal static class NotificationTimeZone
{
    /// <summary>
    /// The zone by IANA id, or null. Images without tzdata (chiselled, distroless) know no zones at all, so
    /// the default, Asia/Shanghai, falls back to a fixed UTC+8: China has kept no daylight saving time since 1991.
    /// </summary>
    public static TimeZoneInfo? TryFind(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return id == "Asia/Shanghai" ? TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, "CST") : null;
        }
    }
}
