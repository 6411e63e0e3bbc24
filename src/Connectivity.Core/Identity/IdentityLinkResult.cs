namespace Connectivity.Identity;

/// <summary>The result of <see cref="IIdentityMap.LinkAsync"/>.</summary>
public enum IdentityLinkResult
{
    /// <summary>The link was added.</summary>
    Linked,

    /// <summary>The remote record was already linked to the same canonical id.</summary>
    AlreadyLinked,

    /// <summary>The remote record is linked to another canonical id; nothing changed. Unlink or merge first.</summary>
    LinkedElsewhere,
}
