using System.Globalization;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Alerts;

/// <summary>The <c>{id}</c> of <c>/api/alerts/{id}</c>: a positive integer, as the list gives it.</summary>
internal static class AlertId
{
    public static long? TryParse(string id, out IResult? problem)
    {
        problem = null;
        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        problem = Problems.BadRequest($"'{id}' is not an alert id: ids are positive integers, as GET /api/alerts gives them.");
        return null;
    }
}
