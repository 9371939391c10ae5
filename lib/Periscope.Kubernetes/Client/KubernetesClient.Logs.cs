using System.Runtime.CompilerServices;

namespace Periscope.Kubernetes.Client;

internal sealed partial class KubernetesClient
{
    /// <summary>
    /// The lines of a container's log (GET pods/{name}/log), streamed as they arrive: with
    /// <see cref="PodLogOptions.Follow"/> the enumeration lasts until the container stops or the caller cancels.
    /// </summary>
    public async IAsyncEnumerable<string> ReadPodLogsAsync(
        string ns,
        string podName,
        PodLogOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new PodLogOptions();
        var path = new QueryBuilder(Resources.KubernetesResources.Pods.ItemPath(podName, ns) + "/log")
            .Add("container", options.Container)
            .Add("follow", options.Follow)
            .Add("previous", options.Previous)
            .Add("timestamps", options.Timestamps)
            .Add("tailLines", options.TailLines)
            .Add("sinceSeconds", options.SinceSeconds)
            .ToString();
        using var request = NewRequest(HttpMethod.Get, path);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return line;
        }
    }
}
