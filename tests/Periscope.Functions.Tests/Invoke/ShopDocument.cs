namespace Periscope.Functions.Tests.Invoke;

/// <summary>The OpenAPI document of the "shop" app the invoke tests call, with every kind of input.</summary>
internal static class ShopDocument
{
    public const string Json = """
        {"openapi":"3.0.3","info":{"title":"Shop","version":"1"},
         "paths":{
          "/items":{"post":{"operationId":"createItem",
            "requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/NewItem"}}}},
            "responses":{"201":{"description":"created"}}}},
          "/items/special":{"get":{"operationId":"getSpecial","responses":{"200":{"description":"ok"}}}},
          "/items/{id}":{
            "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
            "get":{"operationId":"getItem","parameters":[
                {"name":"fields","in":"query","schema":{"type":"array","items":{"type":"string"}}},
                {"name":"X-Tenant","in":"header","required":true,"schema":{"type":"string","minLength":2}}],
              "responses":{"200":{"description":"ok"}}},
            "put":{"operationId":"replaceItem","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/NewItem"}}}},"responses":{"200":{"description":"ok"}}},
            "patch":{"operationId":"patchItem","requestBody":{"content":{"application/merge-patch+json":{"schema":{"type":"object"}}}},"responses":{"200":{"description":"ok"}}},
            "delete":{"operationId":"deleteItem","responses":{"204":{"description":"gone"}}}},
          "/search":{"get":{"operationId":"search","parameters":[
              {"name":"q","in":"query","required":true,"schema":{"type":"string"}},
              {"name":"limit","in":"query","schema":{"type":"integer","minimum":1,"maximum":100}},
              {"name":"tag","in":"query","schema":{"type":"array","items":{"type":"string"}}}],
            "responses":{"200":{"description":"ok"}}}},
          "/files/{name}.{ext}":{"get":{"operationId":"getFile","parameters":[
              {"name":"name","in":"path","required":true,"schema":{"type":"string"}},
              {"name":"ext","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}},
          "/upload":{"post":{"operationId":"upload","requestBody":{"content":{"text/plain":{"schema":{"type":"string"}}}},"responses":{"200":{"description":"ok"}}}}},
         "components":{"schemas":{"NewItem":{"type":"object","required":["name"],
           "properties":{"name":{"type":"string","minLength":1},"quantity":{"type":"integer","minimum":1},
             "tags":{"type":"array","items":{"type":"string"}}}}}}}
        """;
}
