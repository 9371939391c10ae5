using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Periscope.Forwarding;
using Periscope.Functions.Access;
using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>
/// Carries out <c>POST /api/operations/{operationKey}/invoke</c>, the low-code form of a call: the caller gives
/// parameter values and a JSON body; the gateway checks them against the operation's low-code view and only
/// then builds and sends the request.
/// </summary>
/// <remarks>
/// 1. The key must be well formed (400) and its service within the key's scopes (403), before the catalog is
///    asked; then the operation must be cataloged (404).
/// 2. The body must be JSON (415), within the size limit (413), and parse (400).
/// 3. Every input is validated (<see cref="OperationCallValidator"/>): any failure → 400 listing each field,
///    and nothing is sent.
/// 4. The request is built (<see cref="OperationCall"/>) and forwarded as a call by path would be.
/// </remarks>
internal sealed class OperationInvoker(
    OperationLookup operations,
    ServiceLookup services,
    OperationDirectory directory,
    GatewayForwarder forwarder,
    InvocationRecorder recorder,
    InvokeSettings settings)
{
    // Caller headers worth passing on to the app: content negotiation. Everything else the app sees comes
    // from the operation's declared header parameters.
    private static readonly string[] NegotiationHeaders = [HeaderNames.Accept, HeaderNames.AcceptLanguage];

    public async Task InvokeAsync(HttpContext context, string operationKey)
    {
        var caller = context.GetCaller();

        // 1.
        if (!OperationKey.IsWellFormed(operationKey))
        {
            await Problems.BadRequest($"'{operationKey}' is not an operation key: keys read '{{namespace}}.{{appId}}.{{operationId}}', as the operations list gives them.")
                .ExecuteAsync(context);
            return;
        }

        var parts = operationKey.Split('.', 3);
        var invocation = recorder.Start(caller, new ServiceKey(parts[0], parts[1]), HttpMethods.Post);
        invocation.OperationKey = operationKey;
        if (InvokeAccess.Check(caller, invocation.Target) is { } forbidden)
        {
            await AnswerAsync(context, invocation, forbidden, StatusCodes.Status403Forbidden, InvokeErrors.Forbidden);
            return;
        }

        if (await operations.FindAsync(operationKey, context.RequestAborted) is not { } operation
            || await services.FindAsync(operation.Service, context.RequestAborted) is not { } service)
        {
            invocation.OperationKey = null;
            await AnswerAsync(context, invocation, Problems.NotFound($"No cataloged operation has the key '{operationKey}'."), StatusCodes.Status404NotFound, InvokeErrors.UnknownOperation);
            return;
        }

        invocation.Cataloged = true;
        invocation.Method = operation.Method;
        invocation.PathTemplate = operation.PathTemplate;

        // 2.
        var (root, bodyProblem, bodyStatus) = await ReadJsonAsync(context);
        if (bodyProblem is not null)
        {
            await AnswerAsync(context, invocation, bodyProblem, bodyStatus, bodyStatus == StatusCodes.Status413PayloadTooLarge ? InvokeErrors.BodyTooLarge : InvokeErrors.InvalidRequest);
            return;
        }

        // 3.
        var serviceOperations = await directory.GetAsync(service, context.RequestAborted);
        var inputs = serviceOperations.InputsOf(operation);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var input = OperationCallInput.Read(root, errors);
        if (input is not null)
        {
            OperationCallValidator.Validate(inputs, input, errors);
        }

        if (errors.Count > 0)
        {
            var listed = errors.OrderBy(error => error.Key, StringComparer.Ordinal).ToDictionary(error => error.Key, error => error.Value.ToArray(), StringComparer.Ordinal);
            await AnswerAsync(
                context,
                invocation,
                Problems.BadRequest($"The input does not match operation '{operationKey}' ({errors.Count} field(s): {string.Join(", ", listed.Keys)}); nothing was sent.", listed),
                StatusCodes.Status400BadRequest,
                InvokeErrors.InvalidInput);
            return;
        }

        // 4.
        var call = OperationCall.Build(inputs, operation.PathTemplate, serviceOperations.Matcher.PathPrefix, input!);
        var pathEnd = call.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (ExpandedPathProblem(pathEnd < 0 ? call.PathAndQuery : call.PathAndQuery[..pathEnd]) is { } pathProblem)
        {
            await AnswerAsync(context, invocation, Problems.BadRequest(pathProblem, new Dictionary<string, string[]> { ["path"] = [pathProblem] }), StatusCodes.Status400BadRequest, InvokeErrors.InvalidInput);
            return;
        }

        foreach (var name in NegotiationHeaders)
        {
            if (context.Request.Headers.TryGetValue(name, out var value))
            {
                call.Headers.Add(new KeyValuePair<string, StringValues>(name, value));
            }
        }

        var trace = TraceContext.From(context.Request.Headers, System.Diagnostics.Activity.Current);
        invocation.TraceId = trace.TraceId;
        if (invocation.CaptureLimit > 0)
        {
            invocation.RequestHeaders = [.. call.Headers.Select(header => KeyValuePair.Create(header.Key, header.Value.ToString()))];
            invocation.RequestBody = new BodyCapture(invocation.CaptureLimit);
            invocation.ResponseBody = new BodyCapture(invocation.CaptureLimit);
        }

        var body = call.Body;
        var request = new GatewayRequest(
            service.Key,
            operation.Method,
            call.PathAndQuery,
            call.Headers,
            trace,
            body?.LongLength,
            () => body is null ? null : new RequestBodyContent(new MemoryStream(body, writable: false), body.LongLength, settings.MaxRequestBodyBytes, invocation.RequestBody, context.RequestAborted));
        var result = await forwarder.ForwardAsync(context, request, invocation.ResponseBody);
        recorder.Finish(invocation, result.Status, result.Error, result.RequestBytes, result.ResponseBytes);
    }

    /// <summary>
    /// The expanded path's segments, decoded, must not be dot segments: values are checked one by one, but a
    /// template such as <c>/{a}{b}</c> could still put two single dots together.
    /// </summary>
    private static string? ExpandedPathProblem(string path) =>
        path.Split('/').Skip(1).Any(segment => Uri.UnescapeDataString(segment) is "." or "..")
            ? "The path parameters expand to a '.' or '..' segment, which would climb out of the operation's path."
            : null;

    private async Task<(JsonElement Root, IResult? Problem, int Status)> ReadJsonAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return (default, Problems.UnsupportedMediaType("Send the call's input as application/json: {\"path\": {…}, \"query\": {…}, \"headers\": {…}, \"body\": …}."), StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > settings.MaxRequestBodyBytes)
        {
            return (default, TooLarge(), StatusCodes.Status413PayloadTooLarge);
        }

        using var body = await PooledBody.ReadAsync(request.Body, request.ContentLength, settings.MaxRequestBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return (default, TooLarge(), StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            // The document reads the pooled buffer in place; the clone is the caller's own copy.
            using var document = JsonDocument.Parse(body.Memory);
            return (document.RootElement.Clone(), null, 0);
        }
        catch (JsonException exception)
        {
            return (default, Problems.BadRequest($"The body is not valid JSON: {exception.Message}"), StatusCodes.Status400BadRequest);
        }
    }

    private IResult TooLarge() =>
        Problems.PayloadTooLarge($"The request body is larger than {settings.MaxRequestBodyBytes} bytes (Invoke:MaxRequestBodyBytes).");

    private async Task AnswerAsync(HttpContext context, Invocation invocation, IResult answer, int status, string error)
    {
        await answer.ExecuteAsync(context);
        recorder.Finish(invocation, status, error);
    }
}
