using System.Text.Json.Nodes;
using Periscope.OpenApi.Normalization;

namespace Periscope.OpenApi.Tests.Normalization;

public sealed class Swagger20FixupsTests
{
    [Fact]
    public void Apply_ConvertedDocument_RemovesEmptyResponseMediaTypesAndRequiresFormsWithRequiredFields()
    {
        var document = JsonNode.Parse("""
            {"paths":{"/a":{"post":{
              "requestBody":{"content":{"multipart/form-data":{"schema":{"type":"object","required":["f"]}}}},
              "responses":{"204":{"description":"none","content":{"application/json":{}}},
                           "200":{"description":"ok","content":{"application/json":{"schema":{"type":"string"}},"text/plain":{}}}}}}}}
            """)!.AsObject();

        Swagger20Fixups.Apply(document);

        var post = document["paths"]!["/a"]!["post"]!;
        Assert.True((bool)post["requestBody"]!["required"]!);
        Assert.Equal("""{"description":"none"}""", post["responses"]!["204"]!.ToJsonString());
        Assert.Equal(["application/json"], post["responses"]!["200"]!["content"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Apply_BodyWithExplicitRequired_IsLeftAlone()
    {
        var document = JsonNode.Parse("""
            {"paths":{"/a":{"post":{"requestBody":{"required":false,"content":{"application/x-www-form-urlencoded":{"schema":{"required":["f"]}}}}}}}}
            """)!.AsObject();

        Swagger20Fixups.Apply(document);

        Assert.False((bool)document["paths"]!["/a"]!["post"]!["requestBody"]!["required"]!);
    }
}
