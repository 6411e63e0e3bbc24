using System.ComponentModel.DataAnnotations;
using Connectivity.Canonical.Internal;

namespace Connectivity.Canonical;

/// <summary>A canonical entity whose lifecycle stages are the members of <typeparamref name="TStage"/>.</summary>
/// <typeparam name="TStage">The enum of the entity's lifecycle stages.</typeparam>
public abstract class CanonicalEntity<TStage> : CanonicalEntity
    where TStage : struct, Enum
{
    /// <summary>Gets or sets the record's current lifecycle stage.</summary>
    [Required]
    public TStage Stage { get; set; }

    /// <inheritdoc />
    public override string GetStageName() => StageNames.Of(Stage);
}
