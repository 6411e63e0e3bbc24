using System.Text.Json.Serialization;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical;

/// <summary>The lifecycle stages of a <see cref="Site"/>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SiteStage>))]
public enum SiteStage
{
    /// <summary>Known, not yet built or occupied.</summary>
    Planned,

    /// <summary>In use; work and service happen here.</summary>
    Active,

    /// <summary>No longer in use.</summary>
    Decommissioned,
}
