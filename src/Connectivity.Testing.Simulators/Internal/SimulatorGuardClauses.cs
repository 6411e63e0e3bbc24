using Ardalis.GuardClauses;

namespace Connectivity.Testing.Simulators.Internal;

/// <summary>Guards of the simulators' in-process API.</summary>
internal static class SimulatorGuardClauses
{
    public static string UnknownTable(this IGuardClause guardClause, string table, IReadOnlyCollection<string> tables, string parameterName)
    {
        Guard.Against.NullOrWhiteSpace(table, parameterName);
        return tables.Contains(table, StringComparer.Ordinal)
            ? table
            : throw new ArgumentException($"The table '{table}' does not exist; the tables are {string.Join(", ", tables)}.", parameterName);
    }

    public static Uri InvalidWebhookTarget(this IGuardClause guardClause, Uri target, string parameterName)
    {
        Guard.Against.Null(target, parameterName);
        return target.IsAbsoluteUri && (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps)
            ? target
            : throw new ArgumentException("The webhook target must be an absolute http or https URI.", parameterName);
    }
}
