using System.Text.Json;
using Periscope.JsonSchema.Evaluation;
using Periscope.JsonSchema.Json;

namespace Periscope.JsonSchema.Keywords;

/// <summary>
/// <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c> and <c>exclusiveMaximum</c> (Validation 2020-12
/// §6.2.2–6.2.5); they constrain numbers only.
/// </summary>
internal sealed class NumberLimitKeyword : Keyword
{
    private readonly string _keyword;
    private readonly JsonNumber _limit;
    private readonly bool _upper;
    private readonly bool _exclusive;
    private readonly string _message;

    public NumberLimitKeyword(string keyword, JsonNumber limit, bool upper, bool exclusive)
    {
        _keyword = keyword;
        _limit = limit;
        _upper = upper;
        _exclusive = exclusive;
        _message = (upper, exclusive) switch
        {
            (false, false) => $"must be at least {limit}",
            (false, true) => $"must be greater than {limit}",
            (true, false) => $"must be at most {limit}",
            (true, true) => $"must be less than {limit}",
        };
    }

    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Number)
        {
            return true;
        }

        var comparison = JsonNumber.From(instance).CompareTo(_limit);
        var valid = _upper
            ? comparison < 0 || (comparison == 0 && !_exclusive)
            : comparison > 0 || (comparison == 0 && !_exclusive);
        return valid || context.Fail(location, _keyword, _message);
    }
}
