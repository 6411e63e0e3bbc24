using System.Text.Json.Serialization;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical;

/// <summary>The lifecycle stages of an <see cref="Asset"/>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AssetStage>))]
public enum AssetStage
{
    /// <summary>Ordered or in transit, not yet installed.</summary>
    Ordered,

    /// <summary>Installed on site, not yet handed over.</summary>
    Installed,

    /// <summary>Handed over and in service; warranties run.</summary>
    InService,

    /// <summary>Temporarily out of service.</summary>
    OutOfService,

    /// <summary>Removed for good.</summary>
    Retired,
}
