namespace Periscope.Functions.Tests.Notifications;

/// <summary>The notification host tests share one <see cref="NotificationsHost"/>; each test uses its own channels.</summary>
[CollectionDefinition(Name)]
public sealed class SharedNotificationsHost : ICollectionFixture<NotificationsHost>
{
    public const string Name = "notifications host";
}
