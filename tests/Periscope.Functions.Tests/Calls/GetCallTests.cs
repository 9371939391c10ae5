using System.Net;
using System.Text;
using Periscope.Functions.Calls;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Calls;

[Collection(SharedCallsHost.Name)]
public sealed class GetCallTests(CallsHost host)
{
    [Fact]
    public async Task RunAsync_RecordedThroughTheRecorder_AnswersItRedactedWithBodies()
    {
        Assert.Equal(4096, host.Recorder.BodyCaptureLimit("capture", "get-recorded"));
        host.Recorder.Record(CallSamples.Record(@namespace: "capture", appId: "get-recorded") with
        {
            RequestHeaders = [KeyValuePair.Create("Authorization", "Bearer secret-key"), KeyValuePair.Create("Content-Type", "application/json")],
            RequestBody = Encoding.UTF8.GetBytes("{\"name\":\"ann\",\"password\":\"hunter2\"}"),
            ResponseBody = Encoding.UTF8.GetBytes("{\"id\":7}"),
        });
        long id = 0;
        await Eventually.TrueAsync(
            async () => (await host.GetJsonAsync("/api/calls?namespace=capture&appId=get-recorded")).GetProperty("items") is var items
                && items.GetArrayLength() == 1 && (id = items[0].GetProperty("id").GetInt64()) > 0,
            "the recorded call is listed");

        var call = await host.GetJsonAsync($"/api/calls/{id}");

        Assert.Equal("[redacted]", call.GetProperty("requestHeaders")[0].GetProperty("value").GetString());
        Assert.Equal("{\"name\":\"ann\",\"password\":\"[redacted]\"}", call.GetProperty("requestBody").GetString());
        Assert.Equal("{\"id\":7}", call.GetProperty("responseBody").GetString());
        Assert.Equal(CallBodyEncoding.Utf8, call.GetProperty("bodyEncoding").GetString());
        Assert.DoesNotContain("hunter2", call.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key", call.ToString(), StringComparison.Ordinal);
        var metrics = await host.Client.GetStringAsync("/metrics");
        Assert.Contains("periscope_call_records_written_total ", metrics, StringComparison.Ordinal);
        Assert.Contains("periscope_call_records_queue_length ", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownId_Answers404Problem()
    {
        using var response = await host.Client.GetAsync("/api/calls/987654321");

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("987654321", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task RunAsync_NotAnId_Answers400Problem(string id)
    {
        using var response = await host.Client.GetAsync("/api/calls/" + id);

        await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
    }
}
