using System.Text.Json.Nodes;
using Periscope.OpenApi.Schemas;

namespace Periscope.OpenApi.Tests.Schemas;

public sealed class SchemaWalkerTests
{
    [Fact]
    public void Walk_Document_VisitsSchemasEverywhereTheyLive()
    {
        var document = JsonNode.Parse("""
            {"paths":{"/a":{"parameters":[{"schema":{"title":"path-param"}}],
              "get":{"parameters":[{"content":{"application/json":{"schema":{"title":"param-content"}}}}],
                     "requestBody":{"content":{"application/json":{"schema":{"title":"body","properties":{"p":{"title":"property"}},"items":{"title":"items"},"allOf":[{"title":"all-of"}]},
                                    "encoding":{"p":{"headers":{"H":{"schema":{"title":"encoding-header"}}}}}}}},
                     "responses":{"200":{"headers":{"X":{"schema":{"title":"response-header"}}},"content":{"text/plain":{"schema":{"title":"response"}}}}},
                     "callbacks":{"cb":{"{$url}":{"post":{"requestBody":{"content":{"application/json":{"schema":{"title":"callback"}}}}}}}}}}},
             "webhooks":{"w":{"post":{"responses":{"200":{"content":{"application/json":{"schema":{"title":"webhook"}}}}}}}},
             "components":{"schemas":{"S":{"title":"component","$defs":{"D":{"title":"defs"}}}},
               "parameters":{"P":{"schema":{"title":"component-param"}}},
               "pathItems":{"I":{"get":{"responses":{"200":{"content":{"a/b":{"schema":{"title":"path-item"}}}}}}}}}}
            """)!.AsObject();
        var titles = new List<string>();

        SchemaWalker.Walk(document, schema =>
        {
            titles.Add((string)schema["title"]!);
            return schema;
        });

        Assert.Equal(
            ["all-of", "body", "callback", "component", "component-param", "defs", "encoding-header", "items", "param-content", "path-item", "path-param", "property", "response", "response-header", "webhook"],
            titles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Walk_VisitorReturnsReplacement_ReplacesTheSchemaAndWalksIt()
    {
        var document = JsonNode.Parse("""{"components":{"schemas":{"A":{"properties":{"b":true}}}}}""")!.AsObject();

        SchemaWalker.Walk(document, schema => schema is JsonValue ? new JsonObject { ["replaced"] = true } : schema);

        Assert.Equal("""{"properties":{"b":{"replaced":true}}}""", document["components"]!["schemas"]!["A"]!.ToJsonString());
    }
}
