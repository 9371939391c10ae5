using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting;

public sealed class StartupWarmUpTests
{
    [Fact]
    public async Task BuildEndpoints_SeveralDataSources_ReadsEachOnceOffTheCallingThread()
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();
        var first = new CountingDataSource();
        var second = new CountingDataSource();
        ((IEndpointRouteBuilder)app).DataSources.Add(first);
        ((IEndpointRouteBuilder)app).DataSources.Add(second);

        await StartupWarmUp.BuildEndpoints(app);

        Assert.Equal(1, first.Reads);
        Assert.Equal(1, second.Reads);
        Assert.NotEqual(Environment.CurrentManagedThreadId, first.ReadOnThread);
    }

    [Fact]
    public async Task BuildEndpoints_DataSourceThrows_CompletesWithoutFault()
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();
        ((IEndpointRouteBuilder)app).DataSources.Add(new CountingDataSource(fail: true));

        var warmUp = StartupWarmUp.BuildEndpoints(app);
        await warmUp;

        Assert.True(warmUp.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task BuildEndpoints_TheFunctionsApplication_EveryFunctionBuilds()
    {
        var data = Directory.CreateTempSubdirectory("periscope-warmup-");
        try
        {
            await using var app = FunctionsApplication.Build(
            [
                "--urls=http://127.0.0.1:0",
                $"--Store:DataDirectory={data.FullName}",
                "--Catalog:ReportToken=warm-up-report-token-0123456789",
                "--Logging:LogLevel:Default=None",
            ]);
            var endpoints = (IEndpointRouteBuilder)app;

            await StartupWarmUp.BuildEndpoints(endpoints);

            var functions = typeof(IFunction).Assembly.GetTypes()
                .Where(type => type.IsClass && type.IsAssignableTo(typeof(IFunction)))
                .Select(type => type.Name)
                .Order(StringComparer.Ordinal);
            var built = endpoints.DataSources.SelectMany(source => source.Endpoints)
                .Where(endpoint => endpoint.Metadata.GetMetadata<FunctionEndpointMetadata>() is not null)
                .Select(endpoint => endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)
                .Order(StringComparer.Ordinal);
            Assert.Equal(functions, built);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private sealed class CountingDataSource(bool fail = false) : EndpointDataSource
    {
        private int _reads;

        public int Reads => _reads;

        public int ReadOnThread { get; private set; }

        public override IReadOnlyList<Endpoint> Endpoints
        {
            get
            {
                Interlocked.Increment(ref _reads);
                ReadOnThread = Environment.CurrentManagedThreadId;
                return fail ? throw new InvalidOperationException("a broken endpoint") : [];
            }
        }

        public override IChangeToken GetChangeToken() => NullChangeToken.Singleton;
    }
}
