using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>An exact amount of money in one currency.</summary>
public sealed record Money
{
    /// <summary>Gets or sets the amount, exact to the last digit the source gave.</summary>
    [Required]
    public decimal Amount { get; set; }

    /// <summary>Gets or sets the ISO 4217 currency code, for example <c>EUR</c>.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = string.Empty;

    /// <summary>Creates an amount of money.</summary>
    /// <param name="amount">The exact amount.</param>
    /// <param name="currency">The ISO 4217 currency code.</param>
    /// <returns>The money value.</returns>
    public static Money Of(decimal amount, string currency) => new() { Amount = amount, Currency = currency };
}
