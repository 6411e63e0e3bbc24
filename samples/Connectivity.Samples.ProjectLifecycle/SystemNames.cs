namespace Connectivity.Samples.ProjectLifecycle;

/// <summary>The three systems, as the ownership policy names them.</summary>
internal static class SystemNames
{
    public const string Crm = "crm";
    public const string Erp = "erp";
    public const string Service = "service";
}
