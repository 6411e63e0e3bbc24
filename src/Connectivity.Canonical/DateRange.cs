using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>A range of calendar days; <see cref="End"/> is inclusive and may be open.</summary>
public sealed record DateRange
{
    /// <summary>Gets or sets the first day.</summary>
    [Required]
    public DateOnly Start { get; set; }

    /// <summary>Gets or sets the last day, or <see langword="null"/> for an open-ended range.</summary>
    public DateOnly? End { get; set; }

    /// <summary>Gets whether <paramref name="day"/> falls inside the range.</summary>
    /// <param name="day">The day to test.</param>
    /// <returns><see langword="true"/> when the day is on or after the start and on or before the end.</returns>
    public bool Contains(DateOnly day) => day >= Start && (End is null || day <= End.Value);
}
