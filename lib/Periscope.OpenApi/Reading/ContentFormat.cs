namespace Periscope.OpenApi.Reading;

/// <summary>The syntax a reported document is written in.</summary>
internal enum ContentFormat
{
    Json,
    Yaml,
}
