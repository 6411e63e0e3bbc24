using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>One line of a <see cref="Contract"/>.</summary>
public sealed record ContractLine
{
    /// <summary>Gets or sets the line number, unique within the contract.</summary>
    [Range(1, int.MaxValue)]
    public int LineNumber { get; set; }

    /// <summary>Gets or sets what the line is for.</summary>
    [Required]
    [MinLength(1)]
    public string Description { get; set; } = string.Empty;

    /// <summary>Gets or sets the item or service code.</summary>
    public string? ItemCode { get; set; }

    /// <summary>Gets or sets the quantity.</summary>
    [Required]
    public Quantity Quantity { get; set; } = new();

    /// <summary>Gets or sets the price per unit.</summary>
    [Required]
    public Money UnitPrice { get; set; } = new();

    /// <summary>Gets or sets the line amount.</summary>
    [Required]
    public Money Amount { get; set; } = new();
}
