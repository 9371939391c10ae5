using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Notifications;

/// <summary>
/// E-mail over SMTP with <see cref="SmtpClient"/>: STARTTLS (RFC 3207) when <c>settings.tls</c> is <c>starttls</c>
/// (the default), AUTH with <c>settings.username</c> and the secret as password. The body is
/// multipart/alternative, plain text then HTML (RFC 2046 §5.1.4). Replies 4xx are transient and retried, 5xx
/// permanent (RFC 5321 §4.2.1); no reply at all is retried.
/// </summary>
internal sealed class EmailSender(MessageFormat format, IOptions<NotificationOptions> options) : INotificationSender
{
    public string Type => ChannelTypes.Email;

    public async Task<DeliveryResult> SendAsync(NotificationChannel channel, AlertDigest digest, CancellationToken cancellationToken)
    {
        var (subject, text, html) = EmailTemplate.Render(digest, MessageFormat.Texts(channel), format.Zone, format.MaxAlerts);
        using var message = new MailMessage
        {
            From = new MailAddress(channel.Setting("from")!),
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            Body = text,
            BodyEncoding = Encoding.UTF8,
        };
        foreach (var recipient in ChannelValidator.Recipients(channel.Setting("to")))
        {
            message.To.Add(recipient);
        }

        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(html, Encoding.UTF8, MediaTypeNames.Text.Html));

        var tls = (channel.Setting("tls") ?? "starttls") == "starttls";
        var port = channel.Setting("port") is { } configured ? int.Parse(configured, CultureInfo.InvariantCulture) : 587;
        using var client = new SmtpClient(channel.Setting("host")!, port)
        {
            EnableSsl = tls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)options.Value.RequestTimeout.TotalMilliseconds,
        };
        if (channel.Setting("username") is { } username)
        {
            client.Credentials = new NetworkCredential(username, channel.Secret);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            await SocketThread.LeaveAfter(client.SendMailAsync(message, timeout.Token));
            return new DeliveryResult(DeliveryOutcome.Delivered, 250, null, null);
        }
        catch (SmtpException exception)
        {
            var code = (int)exception.StatusCode;
            var outcome = code is >= 500 and < 600 ? DeliveryOutcome.Failed : DeliveryOutcome.Retry;
            var detail = exception.InnerException is { } inner ? $"{exception.Message} {inner.Message}" : exception.Message;
            return new DeliveryResult(outcome, code > 0 ? code : null, null, ChannelUrlRedactor.Scrub(detail, channel));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, null, null, $"No answer within {options.Value.RequestTimeout.TotalSeconds:0.###} s.");
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, null, null, ChannelUrlRedactor.Scrub(exception.Message, channel));
        }
    }
}
