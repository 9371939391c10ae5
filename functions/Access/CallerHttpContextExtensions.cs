namespace Periscope.Functions.Access;

/// <summary>The caller the access check admitted, for functions that act on who is calling.</summary>
internal static class CallerHttpContextExtensions
{
    public static Caller GetCaller(this HttpContext context) =>
        context.Features.Get<Caller>() ?? throw new InvalidOperationException("No caller: the access check did not run for this endpoint.");

    public static void SetCaller(this HttpContext context, Caller caller) => context.Features.Set(caller);
}
