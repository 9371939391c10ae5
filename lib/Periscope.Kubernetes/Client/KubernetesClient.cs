using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Periscope.Kubernetes.Resources;

namespace Periscope.Kubernetes.Client;

/// <summary>
/// A small typed Kubernetes API client over one <see cref="HttpClient"/>: get, list, create, replace,
/// patch, delete, watch and pod logs for any <see cref="ResourceDescriptor{T}"/>. Authentication and TLS
/// live in the handler (<see cref="Http.KubernetesHttpHandlerFactory"/>), so this type only speaks HTTP.
/// It stands in for the KubernetesClient package, which does not restore here.
/// </summary>
internal sealed partial class KubernetesClient : IDisposable
{
    private const int MaxErrorBodyChars = 4096;
    private static readonly MediaTypeWithQualityHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly string _server;
    private readonly ILogger _logger;
    private readonly bool _ownsClient;

    /// <param name="http">Sends requests; its handler adds credentials and TLS settings.</param>
    /// <param name="server">The API server's base URI; a path prefix (a proxy's) is kept.</param>
    public KubernetesClient(HttpClient http, Uri server, ILogger<KubernetesClient>? logger = null)
        : this(http, server, logger, ownsClient: false)
    {
    }

    private KubernetesClient(HttpClient http, Uri server, ILogger? logger, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(server);
        _http = http;
        _server = server.ToString().TrimEnd('/');
        _logger = logger ?? NullLogger.Instance;
        _ownsClient = ownsClient;
    }

    /// <summary>The namespace of the resolved configuration (context namespace, pod namespace, or "default").</summary>
    public string DefaultNamespace { get; private init; } = "default";

    /// <summary>
    /// A client for a resolved connection, owning its handler; <paramref name="wrapHandler"/>, when given, puts handlers
    /// of the caller's in front of the connection's own (it gets the connection's handler and returns the outermost).
    /// </summary>
    public static KubernetesClient Create(
        Configuration.KubernetesConnection connection,
        ILogger<KubernetesClient>? logger = null,
        Func<HttpMessageHandler, HttpMessageHandler>? wrapHandler = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handler = Http.KubernetesHttpHandlerFactory.Create(connection);
        var http = new HttpClient(wrapHandler is null ? handler : wrapHandler(handler), disposeHandler: true)
        {
            // Watches and followed logs stay open for minutes; per-call cancellation bounds the rest.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return new KubernetesClient(http, connection.Server, logger, ownsClient: true)
        {
            DefaultNamespace = connection.Namespace,
        };
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            _http.Dispose();
        }
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string pathAndQuery)
    {
        var request = new HttpRequestMessage(method, new Uri(_server + pathAndQuery));
        request.Headers.Accept.Add(JsonMediaType);
        return request;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await EnsureSuccessAsync(response, cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken)
                ?? throw new KubernetesApiException($"{request.Method} {request.RequestUri}: the server answered with an empty body.");
        }
    }

    /// <summary>Throws <see cref="KubernetesApiException"/> with the server's Status for a non-2xx answer.</summary>
    internal static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new KubernetesApiException(ParseStatus(response.StatusCode, response.ReasonPhrase, body));
    }

    /// <summary>
    /// The server's Status when the body is one; otherwise a Status made from the HTTP status and the
    /// start of the body, so a proxy's error page still tells the reader what happened.
    /// </summary>
    internal static Status ParseStatus(HttpStatusCode code, string? reasonPhrase, string body)
    {
        try
        {
            var status = JsonSerializer.Deserialize(body, KubernetesJsonContext.Default.Status);
            if (status is { Kind: "Status" })
            {
                if (status.Code == 0)
                {
                    status.Code = (int)code;
                }

                return status;
            }
        }
        catch (JsonException)
        {
        }

        var text = body.Length > MaxErrorBodyChars ? body[..MaxErrorBodyChars] + "…" : body;
        var message = new StringBuilder().Append((int)code).Append(' ').Append(reasonPhrase ?? code.ToString());
        if (!string.IsNullOrWhiteSpace(text))
        {
            message.Append(": ").Append(text.Trim());
        }

        return new Status
        {
            Kind = "Status",
            Outcome = "Failure",
            Code = (int)code,
            Reason = DefaultReason(code),
            Message = message.ToString(),
        };
    }

    // The reason kube-apiserver would give for the code (k8s.io/apimachinery/pkg/api/errors).
    private static string? DefaultReason(HttpStatusCode code) => code switch
    {
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "NotFound",
        HttpStatusCode.Conflict => "Conflict",
        HttpStatusCode.Gone => "Expired",
        HttpStatusCode.UnprocessableEntity => "Invalid",
        HttpStatusCode.TooManyRequests => "TooManyRequests",
        HttpStatusCode.InternalServerError => "InternalError",
        HttpStatusCode.ServiceUnavailable => "ServiceUnavailable",
        HttpStatusCode.GatewayTimeout => "Timeout",
        _ => null,
    };
}
