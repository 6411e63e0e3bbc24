namespace Connectivity.Sync;

/// <summary>Stable error codes of the sync flow and reconciliation (CNX7xxx), listed in docs/error-codes.md.</summary>
public static class SyncErrorCodes
{
    /// <summary>An incoming record could not be read: not JSON, not an object, or its inbound map failed.</summary>
    public const string InvalidRecord = "CNX7001";

    /// <summary>A message waits for a record it refers to (its parent) to exist in the target; retried until it does.</summary>
    public const string ParentNotInTarget = "CNX7002";

    /// <summary>A sync message lacks its canonical id header, or its payload is not a JSON object.</summary>
    public const string InvalidMessage = "CNX7003";

    /// <summary>The writer a sync destination delegates to is not registered.</summary>
    public const string WriterNotFound = "CNX7004";

    /// <summary>Reconciliation: a field the system holds differs from the canonical record.</summary>
    public const string FieldDrift = "CNX7101";

    /// <summary>Reconciliation: a record linked to the system was not found there.</summary>
    public const string MissingInSystem = "CNX7102";

    /// <summary>Reconciliation: a system record is not linked to any canonical record.</summary>
    public const string Unlinked = "CNX7103";

    /// <summary>Reconciliation: several records of one system are linked to the same canonical record (a duplicate in the target).</summary>
    public const string DuplicateInSystem = "CNX7104";
}
