using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Periscope.Forwarding;
using Periscope.Functions.Access;
using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>
/// Carries out <c>/api/invoke/{namespace}/{appId}/{**path}</c>: the caller's method, raw path and query,
/// headers and streamed body, to the app through the sidecar.
/// </summary>
/// <remarks>
/// 1. Namespace and app-id must be RFC 1123 labels (400), within the key's scopes (403).
/// 2. The raw target must be a safe path (<see cref="InvokeTarget"/>, <see cref="InvokePathGuard"/>: 400) and a
///    declared body no larger than the limit (413), before the catalog is asked.
/// 3. The service must be cataloged (404): no other target can ever be reached.
/// 4. The call is matched to a documented operation for its record and metrics, then forwarded.
/// </remarks>
internal sealed class PathInvoker(
    ServiceLookup services,
    OperationDirectory directory,
    GatewayForwarder forwarder,
    InvocationRecorder recorder,
    InvokeSettings settings,
    HostJsonOptions hostJson)
{
    private readonly int leadingSegments = (hostJson.RoutePrefix.Length == 0 ? 0 : hostJson.RoutePrefix.Split('/').Length) + 3;

    public async Task InvokeAsync(HttpContext context, string @namespace, string appId)
    {
        var caller = context.GetCaller();
        var request = context.Request;

        // 1.
        if (ServiceRoute.TryParse(@namespace, appId, out var invalid) is not { } target)
        {
            await invalid!.ExecuteAsync(context);
            return;
        }

        var invocation = recorder.Start(caller, target, request.Method);
        if (InvokeAccess.Check(caller, target) is { } forbidden)
        {
            await AnswerAsync(context, invocation, forbidden, StatusCodes.Status403Forbidden, InvokeErrors.Forbidden);
            return;
        }

        // 2.
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        if (InvokeTarget.TryParse(rawTarget, leadingSegments, out var appPathAndQuery) is { } unsafePath)
        {
            await AnswerAsync(context, invocation, Problems.BadRequest($"The request cannot be forwarded: {unsafePath}."), StatusCodes.Status400BadRequest, InvokeErrors.InvalidRequest);
            return;
        }

        var question = appPathAndQuery.IndexOf('?', StringComparison.Ordinal);
        invocation.PathTemplate = question < 0 ? appPathAndQuery : appPathAndQuery[..question];
        var chunked = request.Headers.ContainsKey(HeaderNames.TransferEncoding);
        var contentLength = chunked ? null : request.ContentLength;
        if (contentLength > settings.MaxRequestBodyBytes)
        {
            await AnswerAsync(context, invocation, TooLarge(contentLength.Value), StatusCodes.Status413PayloadTooLarge, InvokeErrors.BodyTooLarge);
            return;
        }

        // 3.
        if (await services.FindAsync(target, context.RequestAborted) is not { } service)
        {
            await AnswerAsync(context, invocation, ServiceRoute.NotFound(target), StatusCodes.Status404NotFound, InvokeErrors.UnknownService);
            return;
        }

        // 4.
        invocation.Cataloged = true;
        var operations = await directory.GetAsync(service, context.RequestAborted);
        if (operations.Matcher.Match(request.Method, appPathAndQuery) is { } match)
        {
            invocation.OperationKey = match.OperationKey;
            invocation.PathTemplate = match.PathTemplate;
        }

        var trace = TraceContext.From(request.Headers, System.Diagnostics.Activity.Current);
        invocation.TraceId = trace.TraceId;
        var headers = OutboundHeaders.From(request.Headers);
        if (invocation.CaptureLimit > 0)
        {
            invocation.RequestHeaders = [.. headers.Select(header => KeyValuePair.Create(header.Key, header.Value.ToString()))];
            invocation.RequestBody = new BodyCapture(invocation.CaptureLimit);
            invocation.ResponseBody = new BodyCapture(invocation.CaptureLimit);
        }

        // The gateway enforces its own limit while streaming; Kestrel's (30 MB by default) must not cut in first.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = null;
        }

        var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? (contentLength > 0 || chunked);
        var gatewayRequest = new GatewayRequest(
            target,
            request.Method,
            appPathAndQuery,
            headers,
            trace,
            contentLength,
            () => hasBody ? new RequestBodyContent(request.Body, contentLength, settings.MaxRequestBodyBytes, invocation.RequestBody, context.RequestAborted) : null);
        var result = await forwarder.ForwardAsync(context, gatewayRequest, invocation.ResponseBody);
        recorder.Finish(invocation, result.Status, result.Error, result.RequestBytes, result.ResponseBytes);
    }

    private IResult TooLarge(long length) =>
        Problems.PayloadTooLarge($"The request body ({length} bytes) is larger than {settings.MaxRequestBodyBytes} bytes (Invoke:MaxRequestBodyBytes).");

    private async Task AnswerAsync(HttpContext context, Invocation invocation, IResult answer, int status, string error)
    {
        await answer.ExecuteAsync(context);
        recorder.Finish(invocation, status, error);
    }
}
