using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>An organisation that buys: an account in CRM, a customer in ERP, a company in the service platform.</summary>
public sealed class Customer : CanonicalEntity<CustomerStage>
{
    /// <summary>Gets or sets the customer number, when the owning system assigns one.</summary>
    public string? Number { get; set; }

    /// <summary>Gets or sets the trading name.</summary>
    [Required]
    [MinLength(1)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the registered legal name, when it differs from <see cref="Name"/>.</summary>
    public string? LegalName { get; set; }

    /// <summary>Gets or sets the tax or VAT registration number.</summary>
    public string? TaxId { get; set; }

    /// <summary>Gets or sets the classification, for example <c>contractor</c> or <c>enterprise</c>.</summary>
    public string? Category { get; set; }

    /// <summary>Gets or sets the main e-mail address.</summary>
    [EmailAddress]
    public string? Email { get; set; }

    /// <summary>Gets or sets the main phone number.</summary>
    public string? Phone { get; set; }

    /// <summary>Gets or sets the web site.</summary>
    public string? Website { get; set; }

    /// <summary>Gets or sets the ISO 4217 currency the customer is invoiced in.</summary>
    [RegularExpression("^[A-Z]{3}$")]
    public string? Currency { get; set; }

    /// <summary>Gets or sets the credit limit.</summary>
    public Money? CreditLimit { get; set; }

    /// <summary>Gets or sets the payment terms code, for example <c>NET30</c>.</summary>
    public string? PaymentTerms { get; set; }

    /// <summary>Gets or sets the address invoices go to.</summary>
    public PostalAddress? BillingAddress { get; set; }

    /// <summary>Gets or sets the address goods go to.</summary>
    public PostalAddress? ShippingAddress { get; set; }

    /// <summary>Gets or sets the people to contact.</summary>
    public List<ContactPerson> Contacts { get; set; } = [];
}
