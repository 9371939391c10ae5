using Periscope.Sidecar;
using Periscope.Sidecar.Configuration;

// Options come from the command line or the environment (README.md); bad input exits with 2.
return await SidecarCommandLine.InvokeAsync(args, SidecarApplication.RunAsync);
