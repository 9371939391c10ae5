using Periscope.Functions;

await FunctionsApplication.Build(args).RunAsync();
