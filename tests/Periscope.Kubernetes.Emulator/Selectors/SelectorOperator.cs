namespace Periscope.Kubernetes.Emulator.Selectors;

internal enum SelectorOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
