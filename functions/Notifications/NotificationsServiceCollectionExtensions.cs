using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Periscope.Functions.Alerts;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Notifications;

internal static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Notification channels (section <c>Notifications</c>, validated at start-up, configured channels included):
    /// the <see cref="IAlertNotifier"/> the Alertmanager receiver calls, the senders of each channel type, the
    /// outbox dispatcher in the background, and their SQLite store (the catalog's database).
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteNotificationStore>();
        services.AddSingleton<INotificationStore>(provider => provider.GetRequiredService<SqliteNotificationStore>());
        services.AddSingleton<ChannelDirectory>();
        services.AddSingleton<ChannelRateLimiter>();
        services.AddSingleton<RetryBackoff>();
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<MessageFormat>();
        services.AddSingleton<RobotPoster>();
        services.AddSingleton<INotificationSender, WebhookSender>();
        services.AddSingleton<INotificationSender, EmailSender>();
        services.AddSingleton<INotificationSender, DingTalkSender>();
        services.AddSingleton<INotificationSender, WeComSender>();
        services.AddSingleton<INotificationSender, FeishuSender>();
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<IAlertNotifier>(provider => provider.GetRequiredService<AlertNotifier>());
        services.AddHostedService<NotificationDispatcher>();
        return services;
    }

    /// <summary>The channel and delivery functions, under the host.json route prefix.</summary>
    public static RouteGroupBuilder MapNotificationFunctions(this RouteGroupBuilder api)
    {
        api.MapFunction<ListChannels>();
        api.MapFunction<GetChannel>();
        api.MapFunction<CreateChannel>();
        api.MapFunction<UpdateChannel>();
        api.MapFunction<DeleteChannel>();
        api.MapFunction<TestChannel>();
        api.MapFunction<ListDeliveries>();
        return api;
    }
}
