using System.Text;
using Microsoft.Extensions.Options;
using Periscope.Functions.Calls;

namespace Periscope.Functions.Tests.Calls;

public sealed class CallRecordRedactorTests
{
    private static readonly CallRecordRedactor Redactor = new(Options.Create(new CallRecordsOptions()));

    [Fact]
    public void Redact_SecretHeaders_AreReplacedWhateverTheirCase()
    {
        var record = CallSamples.WithBodies(
            null, null, false, ("Authorization", "Bearer pk_live_secret"), ("Cookie", "session=abc"), ("X-Api-Key", "k"),
            ("dapr-api-token", "t"), ("Accept", "application/json"));

        var stored = Redactor.Redact(record);

        CallHeader[] expected =
        [
            new("Authorization", "[redacted]"), new("Cookie", "[redacted]"), new("X-Api-Key", "[redacted]"),
            new("dapr-api-token", "[redacted]"), new("Accept", "application/json"),
        ];
        Assert.Equal(expected, stored.RequestHeaders!);
    }

    [Fact]
    public void Redact_ConfiguredNames_AddToTheDefaults()
    {
        var redactor = new CallRecordRedactor(Options.Create(new CallRecordsOptions { RedactHeaders = ["X-Tenant-Secret"], RedactFields = ["pin"] }));

        var stored = redactor.Redact(CallSamples.WithBodies("{\"pin\":\"1234\",\"password\":\"p\"}", null, false, ("x-tenant-secret", "s"), ("authorization", "a")));

        Assert.Equal(new CallHeader[] { new("x-tenant-secret", "[redacted]"), new("authorization", "[redacted]") }, stored.RequestHeaders!);
        Assert.Equal("{\"pin\":\"[redacted]\",\"password\":\"[redacted]\"}", stored.RequestBody);
    }

    [Fact]
    public void Redact_JsonAtAnyDepthAndInArrays_ReplacesEveryValueOfASecretField()
    {
        const string Body = """
            {"user": "ann", "Password": "hunter2", "profile": {"apiKey": 42, "city": "杭州"},
             "tokens": [{"access_token": "a1", "scope": "read"}, {"refresh_token": null}],
             "credentials": {"user": "x", "pass": ["y"]}, "count": 1.50}
            """;

        var stored = Redactor.Redact(CallSamples.WithBodies(Body, null));

        Assert.Equal(
            """{"user":"ann","Password":"[redacted]","profile":{"apiKey":"[redacted]","city":"杭州"},"tokens":[{"access_token":"[redacted]","scope":"read"},{"refresh_token":"[redacted]"}],"credentials":"[redacted]","count":1.50}""",
            stored.RequestBody);
        Assert.Equal(CallBodyEncoding.Utf8, stored.BodyEncoding);
    }

    [Fact]
    public void Redact_JsonWithoutSecrets_IsKeptAsSent()
    {
        const string Body = "{ \"id\": 7,\n  \"name\": \"widget\" }";

        Assert.Equal(Body, Redactor.Redact(CallSamples.WithBodies(null, Body)).ResponseBody);
    }

    [Fact]
    public void Redact_TruncatedJsonCutInsideASecret_KeepsThePrefixAndLeavesTheSecretOut()
    {
        var stored = Redactor.Redact(CallSamples.WithBodies("{\"items\":[{\"id\":1},{\"id\":2}],\"token\":\"eyJhbGciOiJIUzI1Ni", null, truncated: true));

        Assert.Equal("{\"items\":[{\"id\":1},{\"id\":2}],\"token\":\"[redacted]\"", stored.RequestBody);
        Assert.DoesNotContain("eyJ", stored.RequestBody!, StringComparison.Ordinal);
        Assert.True(stored.BodiesTruncated);
    }

    [Fact]
    public void Redact_TruncatedJsonCutAfterASecret_RedactsItAndKeepsCompleteTokensOnly()
    {
        var stored = Redactor.Redact(CallSamples.WithBodies(null, "{\"secret\":{\"a\":1},\"note\":\"keep\",\"n\":12", truncated: true));

        Assert.Equal("{\"secret\":\"[redacted]\",\"note\":\"keep\",\"n\":", stored.ResponseBody);
    }

    [Fact]
    public void Redact_TruncatedInsideAMultiByteCharacter_DropsTheSplitCharacterAndStaysText()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"city\":\"杭州市");
        var record = CallSamples.Record() with { ResponseBody = bytes.AsMemory(0, bytes.Length - 1), BodiesTruncated = true };

        var stored = Redactor.Redact(record);

        Assert.Equal(CallBodyEncoding.Utf8, stored.BodyEncoding);
        Assert.Equal("{\"city\":\"杭州", stored.ResponseBody);
    }

    [Fact]
    public void Redact_MalformedJson_StoresNothingOfThatBody()
    {
        var stored = Redactor.Redact(CallSamples.WithBodies("{\"password\": hunter2}", "ok"));

        Assert.Null(stored.RequestBody);
        Assert.Equal("ok", stored.ResponseBody);
    }

    [Fact]
    public void Redact_FormBody_ReplacesSecretFieldsOnly()
    {
        var stored = Redactor.Redact(CallSamples.WithBodies("user=ann&password=hunter+2&api%5Fkey=k1&next=%2Fhome", null));

        Assert.Equal("user=ann&password=[redacted]&api%5Fkey=[redacted]&next=%2Fhome", stored.RequestBody);
    }

    [Fact]
    public void Redact_PlainTextWithSecretPairs_ReplacesTheirValues()
    {
        var stored = Redactor.Redact(CallSamples.WithBodies(null, "login failed for ann; password=abc \"token\": \"xyz\" done"));

        Assert.Equal("login failed for ann; password=[redacted] \"token\": \"[redacted]\" done", stored.ResponseBody);
    }

    [Fact]
    public void Redact_NotUtf8_StoresBothBodiesAsBase64()
    {
        byte[] image = [0x89, 0x50, 0x4E, 0x47, 0xFF, 0xFE];
        var record = CallSamples.Record() with { RequestBody = Encoding.UTF8.GetBytes("{\"password\":\"p\"}"), ResponseBody = image };

        var stored = Redactor.Redact(record);

        Assert.Equal(CallBodyEncoding.Base64, stored.BodyEncoding);
        Assert.Equal(Convert.ToBase64String(image), stored.ResponseBody);
        Assert.Equal("{\"password\":\"[redacted]\"}", Encoding.UTF8.GetString(Convert.FromBase64String(stored.RequestBody!)));
    }

    [Fact]
    public void Redact_NoBodies_HasNoEncoding()
    {
        var stored = Redactor.Redact(CallSamples.Record());

        Assert.Null(stored.BodyEncoding);
        Assert.Null(stored.RequestHeaders);
        Assert.Equal((12.5, "default", "orders"), (stored.LatencyMs, stored.Namespace, stored.AppId));
    }
}
