using System.Text.Json.Serialization;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical;

/// <summary>The lifecycle stages of a <see cref="Contract"/>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ContractStage>))]
public enum ContractStage
{
    /// <summary>Being negotiated.</summary>
    Draft,

    /// <summary>Signed and in force.</summary>
    Active,

    /// <summary>Paused, for example over a dispute.</summary>
    Suspended,

    /// <summary>All obligations fulfilled.</summary>
    Completed,

    /// <summary>Ended early.</summary>
    Terminated,
}
