namespace Periscope.Functions.Monitoring;

/// <summary>One interface's bytes, errors and drops per second, received and transmitted, over the rate window.</summary>
internal sealed record NetworkInterfaceView(
    string Device,
    double? ReceiveBytesPerSecond,
    double? TransmitBytesPerSecond,
    double? ReceiveErrorsPerSecond,
    double? TransmitErrorsPerSecond,
    double? ReceiveDropsPerSecond,
    double? TransmitDropsPerSecond);
