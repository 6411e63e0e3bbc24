using System.Text.Json.Serialization;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical;

/// <summary>The lifecycle stages of a <see cref="Project"/>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ProjectStage>))]
public enum ProjectStage
{
    /// <summary>Won; contract being set up.</summary>
    Awarded,

    /// <summary>People and equipment moving to site.</summary>
    Mobilized,

    /// <summary>Work under way.</summary>
    InProgress,

    /// <summary>Handed over for use; snagging and close-out remain. Assets and warranties start here.</summary>
    SubstantiallyComplete,

    /// <summary>Financially and contractually closed.</summary>
    Closed,

    /// <summary>Stopped before completion.</summary>
    Cancelled,
}
