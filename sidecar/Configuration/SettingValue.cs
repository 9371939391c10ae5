namespace Periscope.Sidecar.Configuration;

/// <summary>A setting's text and where it came from (<c>--app-port</c> or <c>APP_PORT</c>), for error messages.</summary>
internal readonly record struct SettingValue(string Text, string Source);
