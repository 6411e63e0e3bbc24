using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>One line of an <see cref="Invoice"/>.</summary>
public sealed record InvoiceLine
{
    /// <summary>Gets or sets the line number, unique within the invoice.</summary>
    [Range(1, int.MaxValue)]
    public int LineNumber { get; set; }

    /// <summary>Gets or sets what is billed.</summary>
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

    /// <summary>Gets or sets the line amount before tax.</summary>
    [Required]
    public Money Amount { get; set; } = new();

    /// <summary>Gets or sets the tax rate as a fraction (0.19 for 19%).</summary>
    [Range(0, 1)]
    public decimal? TaxRate { get; set; }
}
