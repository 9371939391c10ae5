using System.Text;
using System.Text.Json;

namespace Periscope.JsonSchema.Tests;

public sealed class JsonSchemaValidatorTests
{
    private const string PersonSchema = """
        {"type":"object","required":["name","age"],
         "properties":{"name":{"type":"string","maxLength":10},"age":{"type":"integer","minimum":0},
                       "tags":{"type":"array","items":{"type":"string"}}}}
        """;

    [Fact]
    public void Validate_ValidInstance_ReturnsNoErrors()
    {
        Assert.Empty(Schemas.Validate(PersonSchema, """{"name":"Ada","age":36,"tags":["x"]}"""));
    }

    [Fact]
    public void Validate_SeveralFailures_ListsEachWithItsPointer()
    {
        var errors = Schemas.Validate(PersonSchema, """{"name":"Ada Lovelace!","tags":["x",3]}""");

        Assert.Equal(
            [("/age", "required", "is required"),
             ("/name", "maxLength", "must be at most 10 characters long (was 13)"),
             ("/tags/1", "type", "must be a string")],
            errors.Select(e => (e.InstancePath, e.Keyword, e.Message)));
    }

    [Theory]
    [InlineData("true", "{\"any\":[1]}", true)]
    [InlineData("false", "null", false)]
    [InlineData("{}", "\"x\"", true)]
    public void Validate_BooleanAndEmptySchemas_AcceptOrRejectEverything(string schema, string instance, bool valid)
    {
        Assert.Equal(valid, Schemas.IsValid(schema, instance));
    }

    [Fact]
    public void Validate_FalseRootSchema_SaysNotAllowed()
    {
        Assert.Equal(new SchemaError("", "false", "is not allowed"), Schemas.SingleError("false", "1"));
    }

    [Fact]
    public void Validate_RootFailure_HasEmptyPointer()
    {
        var error = Schemas.SingleError("""{"type":"object"}""", "[]");

        Assert.Equal(new SchemaError("", "type", "must be an object"), error);
    }

    [Fact]
    public void Validate_PropertyNamesWithSlashAndTilde_AreEscapedInThePointer()
    {
        var error = Schemas.SingleError("""{"properties":{"a/b~c":{"type":"string"}}}""", """{"a/b~c":1}""");

        Assert.Equal("/a~1b~0c", error.InstancePath);
    }

    [Fact]
    public void Validate_MaxErrors_StopsAtTheLimit()
    {
        var items = string.Join(",", Enumerable.Range(0, 50).Select(i => $"\"{i}\""));

        var errors = Schemas.Validate("""{"items":{"type":"integer"}}""", $"[{items}]", maxErrors: 3);

        Assert.Equal(["/0", "/1", "/2"], errors.Select(e => e.InstancePath));
    }

    [Fact]
    public void Validate_MaxErrorsBelowOne_Throws()
    {
        using var schema = JsonDocument.Parse("true");
        var validator = JsonSchemaValidator.Compile(schema.RootElement);

        Assert.Throws<ArgumentOutOfRangeException>(() => validator.Validate(schema.RootElement, maxErrors: 0));
    }

    [Fact]
    public void Validate_UndefinedInstance_Throws()
    {
        using var schema = JsonDocument.Parse("true");
        var validator = JsonSchemaValidator.Compile(schema.RootElement);

        Assert.Throws<ArgumentException>(() => validator.Validate(default));
    }

    [Fact]
    public void Compile_SourceDocumentDisposedAfterwards_ValidatorStillWorks()
    {
        JsonSchemaValidator validator;
        using (var schema = JsonDocument.Parse("""{"enum":["a","b"],"properties":{"x":{"const":{"k":[1]}}}}"""))
        {
            validator = JsonSchemaValidator.Compile(schema.RootElement);
        }

        using var instance = JsonDocument.Parse("\"c\"");
        Assert.Equal("must be one of: \"a\", \"b\"", Assert.Single(validator.Validate(instance.RootElement)).Message);
    }

    [Fact]
    public void Validate_InstanceDeeperThanMaxDepth_ReportsOneErrorWithoutRecursingFurther()
    {
        // 200 nested arrays: deeper than the default 64, and parsed with a MaxDepth that allows it.
        var json = new StringBuilder().Append('[', 200).Append(']', 200).ToString();
        using var schema = JsonDocument.Parse("""{"$defs":{"a":{"type":"array","items":{"$ref":"#/$defs/a"}}},"$ref":"#/$defs/a"}""");
        using var instance = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });

        var errors = JsonSchemaValidator.Compile(schema.RootElement).Validate(instance.RootElement);

        var error = Assert.Single(errors);
        Assert.Equal("depth", error.Keyword);
        Assert.Equal(65, error.InstancePath.Count(c => c == '/'));
    }

    [Fact]
    public void Validate_MaxDepthOption_IsHonoured()
    {
        var error = Schemas.SingleError("""{"items":{"items":{"items":true}}}""", "[[[1]]]", new JsonSchemaOptions { MaxDepth = 2 });

        Assert.Equal(("/0/0/0", "depth"), (error.InstancePath, error.Keyword));
    }

    [Fact]
    public void Validate_ManyThreadsShareOneValidator_EachGetsItsOwnErrors()
    {
        using var schema = JsonDocument.Parse(PersonSchema);
        var validator = JsonSchemaValidator.Compile(schema.RootElement);
        using var good = JsonDocument.Parse("""{"name":"Ada","age":36}""");
        using var bad = JsonDocument.Parse("""{"name":7,"age":-1}""");

        var results = new int[400];
        Parallel.For(0, results.Length, i => results[i] = validator.Validate(i % 2 == 0 ? good.RootElement : bad.RootElement).Count);

        Assert.All(results.Where((_, i) => i % 2 == 0), count => Assert.Equal(0, count));
        Assert.All(results.Where((_, i) => i % 2 == 1), count => Assert.Equal(2, count));
    }

    [Fact]
    public void Compile_OptionsWithZeroTimeout_Throws()
    {
        using var schema = JsonDocument.Parse("true");

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            JsonSchemaValidator.Compile(schema.RootElement, new JsonSchemaOptions { RegexMatchTimeout = TimeSpan.Zero }));
    }

    [Fact]
    public void Compile_UndefinedSchema_Throws()
    {
        Assert.Throws<ArgumentException>(() => JsonSchemaValidator.Compile(default));
    }
}
