namespace Connectivity.Mapping;

/// <summary>How a date conversion reads a number.</summary>
public enum EpochUnit
{
    /// <summary>Milliseconds since 1970-01-01T00:00:00Z.</summary>
    Milliseconds,

    /// <summary>Seconds since 1970-01-01T00:00:00Z.</summary>
    Seconds,
}
