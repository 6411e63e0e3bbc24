namespace Connectivity.Mapping;

/// <summary>Which member of a <c>{ "display_value": ..., "value": ... }</c> object (ServiceNow style) a path reads.</summary>
public enum ValueObjectMember
{
    /// <summary>Objects are read as objects.</summary>
    None,

    /// <summary>The stored value (<c>value</c>), for example a sys_id or a state code.</summary>
    Value,

    /// <summary>The display value (<c>display_value</c>), for example a name or a state label.</summary>
    DisplayValue,
}
