using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>A bill to a customer, for a project milestone, a work order or a contract period.</summary>
public sealed class Invoice : CanonicalEntity<InvoiceStage>
{
    /// <summary>Gets or sets the invoice number, assigned by the system that posts it.</summary>
    public string? Number { get; set; }

    /// <summary>Gets or sets the canonical id of the customer billed.</summary>
    [Required]
    [MinLength(1)]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>Gets or sets the canonical id of the project billed, if any.</summary>
    public string? ProjectId { get; set; }

    /// <summary>Gets or sets the canonical id of the work order billed, if any.</summary>
    public string? WorkOrderId { get; set; }

    /// <summary>Gets or sets the canonical id of the contract billed, if any.</summary>
    public string? ContractId { get; set; }

    /// <summary>Gets or sets the invoice date.</summary>
    [Required]
    public DateOnly InvoiceDate { get; set; }

    /// <summary>Gets or sets the day payment is due.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>Gets or sets the ISO 4217 currency of every amount on the invoice.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = string.Empty;

    /// <summary>Gets or sets the invoice lines.</summary>
    public List<InvoiceLine> Lines { get; set; } = [];

    /// <summary>Gets or sets the total before tax.</summary>
    [Required]
    public Money Subtotal { get; set; } = new();

    /// <summary>Gets or sets the tax.</summary>
    [Required]
    public Money Tax { get; set; } = new();

    /// <summary>Gets or sets the total including tax.</summary>
    [Required]
    public Money Total { get; set; } = new();

    /// <summary>Gets or sets how much has been paid so far.</summary>
    public Money? AmountPaid { get; set; }
}
