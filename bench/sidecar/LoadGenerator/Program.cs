using Periscope.Bench.LoadGenerator;

// Open-loop fixed-rate HTTP load for the sidecar benchmark (../README.md, "sidecar"); `free-ports N`
// prints N free loopback ports for run.sh.
if (args is ["free-ports", var count])
{
    Console.WriteLine(string.Join(' ', FreePorts.Take(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture))));
    return 0;
}

var options = LoadOptions.FromArgs(args);
using var run = new FixedRateRun(options);
var result = await run.RunAsync();
ResultWriter.Write(options, result, Console.Out, Console.Error);
return 0;
