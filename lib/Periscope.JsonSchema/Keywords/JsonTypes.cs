namespace Periscope.JsonSchema.Keywords;

/// <summary>The seven primitive types of <c>type</c> (Validation 2020-12 §6.1.1); integer is a number without a fractional part.</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    String = 32,
    Integer = 64,
}
