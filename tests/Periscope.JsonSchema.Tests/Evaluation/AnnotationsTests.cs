using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Tests.Evaluation;

public sealed class AnnotationsTests
{
    [Fact]
    public void Merge_TakesPropertiesItemsAndPrefix()
    {
        var target = new Annotations();
        target.AddProperty("a");
        var other = new Annotations();
        other.AddProperty("b");
        other.AddItem(5);
        other.ExtendItemPrefix(2);

        target.Merge(other);

        Assert.True(target.HasProperty("a") && target.HasProperty("b") && !target.HasProperty("c"));
        Assert.True(target.HasItem(0) && target.HasItem(1) && target.HasItem(5));
        Assert.False(target.HasItem(2));
    }

    [Fact]
    public void HasItem_AllItems_CoversEveryIndex()
    {
        var annotations = new Annotations { AllItems = true };

        Assert.True(annotations.HasItem(1000));
    }
}
