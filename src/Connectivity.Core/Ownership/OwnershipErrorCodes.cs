namespace Connectivity.Ownership;

/// <summary>
/// Stable error codes of ownership policies and ownership decisions. The list with explanations is in
/// <c>docs/error-codes.md</c>.
/// </summary>
public static class OwnershipErrorCodes
{
    /// <summary>A policy document is not valid JSON or does not have the shape of a policy document.</summary>
    public const string InvalidDocument = "CNX2001";

    /// <summary>A policy names an entity type the entity catalog does not know.</summary>
    public const string UnknownEntity = "CNX2002";

    /// <summary>A policy names a field path that addresses no field of the entity.</summary>
    public const string UnknownField = "CNX2003";

    /// <summary>A policy names a stage that is not part of the entity's lifecycle.</summary>
    public const string UnknownStage = "CNX2004";

    /// <summary>A policy names an owner that is not one of the policy's systems.</summary>
    public const string UnknownSystem = "CNX2005";

    /// <summary>A field path is not well formed.</summary>
    public const string InvalidFieldPath = "CNX2006";

    /// <summary>An entity has no default owner for some stage and the policy has none either, so unnamed fields would have no owner.</summary>
    public const string MissingDefaultOwner = "CNX2007";

    /// <summary>An outbound map writes a field that its target system owns at every stage of the entity's lifecycle.</summary>
    public const string OutboundWriteToOwnedField = "CNX2010";

    /// <summary>A change was rejected: the sender does not own the field at the record's stage.</summary>
    public const string NotOwner = "CNX2020";

    /// <summary>A change conflicts: the field changed on both sides since the base and the policy cannot settle it.</summary>
    public const string Conflict = "CNX2021";

    /// <summary>The incoming record is older, by version or modification time, than what is known from the sender.</summary>
    public const string StaleInput = "CNX2022";

    /// <summary>A stage change was rejected because the lifecycle does not allow the move.</summary>
    public const string TransitionNotAllowed = "CNX2023";
}
