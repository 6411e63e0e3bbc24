using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>An exact quantity with its unit of measure.</summary>
public sealed record Quantity
{
    /// <summary>Gets or sets the exact value.</summary>
    [Required]
    public decimal Value { get; set; }

    /// <summary>Gets or sets the unit of measure, for example <c>h</c>, <c>ea</c> or <c>m2</c>.</summary>
    [Required]
    [MinLength(1)]
    public string Unit { get; set; } = string.Empty;

    /// <summary>Creates a quantity.</summary>
    /// <param name="value">The exact value.</param>
    /// <param name="unit">The unit of measure.</param>
    /// <returns>The quantity.</returns>
    public static Quantity Of(decimal value, string unit) => new() { Value = value, Unit = unit };
}
