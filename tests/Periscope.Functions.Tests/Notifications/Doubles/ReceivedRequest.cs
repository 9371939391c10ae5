using System.Text.Json;

namespace Periscope.Functions.Tests.Notifications.Doubles;

/// <summary>One request the <see cref="RobotReceiver"/> got, and whether its signature checked out as the robot's server would check it.</summary>
internal sealed record ReceivedRequest(string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, bool? SignatureValid)
{
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
