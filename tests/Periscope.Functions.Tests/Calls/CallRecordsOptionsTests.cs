using Microsoft.Extensions.Options;
using Periscope.Functions.Calls;

namespace Periscope.Functions.Tests.Calls;

public sealed class CallRecordsOptionsTests
{
    [Theory]
    [InlineData("CallRecords:MaxBodyBytes", "65537")]
    [InlineData("CallRecords:QueueCapacity", "0")]
    [InlineData("CallRecords:QueueMaxBytes", "1048575")]
    [InlineData("CallRecords:BatchSize", "0")]
    [InlineData("CallRecords:FlushInterval", "00:00:00")]
    [InlineData("CallRecords:CaptureBodies:0", "orders")]
    [InlineData("CallRecords:CaptureBodies:0", "default/Orders")]
    [InlineData("CallRecords:RedactFields:0", " ")]
    public async Task Start_InvalidSetting_FailsNamingIt(string key, string value)
    {
        var data = Directory.CreateTempSubdirectory("periscope-calls-options-");
        try
        {
            await using var app = FunctionsApplication.Build(
            [
                "--urls=http://127.0.0.1:0",
                $"--Store:DataDirectory={data.FullName}",
                "--Catalog:ReportToken=calls-tests-report-token-0123456789",
                "--Logging:LogLevel:Default=None",
                $"--{key}={value}",
            ]);

            var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains(key.Split(':')[1], failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new CallRecordsOptions();

        Assert.Equal(
            (10_000, 500, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7), 1_000_000L, TimeSpan.FromMinutes(5), 4096, true),
            (options.QueueCapacity, options.BatchSize, options.FlushInterval, options.MaxAge, options.MaxCount, options.RetentionInterval, options.MaxBodyBytes, options.Enabled));
        Assert.Equal(64L * 1024 * 1024, options.QueueMaxBytes);
        Assert.Empty(options.CaptureBodies);
        Assert.Contains("authorization", options.RedactHeaders);
        Assert.Contains("private_key", options.RedactFields);
    }
}
