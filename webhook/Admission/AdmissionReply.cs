namespace Periscope.Webhook.Admission;

/// <summary>What /mutate answers: a status, a media type and the serialized body.</summary>
internal sealed record AdmissionReply(int StatusCode, string ContentType, byte[] Body)
{
    public const string Json = "application/json";
    public const string ProblemJson = "application/problem+json";
}
