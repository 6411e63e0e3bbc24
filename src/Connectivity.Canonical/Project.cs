using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>A piece of work delivered for a customer: an opportunity won in CRM, a job in ERP.</summary>
public sealed class Project : CanonicalEntity<ProjectStage>
{
    /// <summary>Gets or sets the project number.</summary>
    [Required]
    [MinLength(1)]
    public string Number { get; set; } = string.Empty;

    /// <summary>Gets or sets the project name.</summary>
    [Required]
    [MinLength(1)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets a description of the work.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the canonical id of the customer.</summary>
    [Required]
    [MinLength(1)]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>Gets or sets the canonical id of the site the work happens at.</summary>
    public string? SiteId { get; set; }

    /// <summary>Gets or sets the canonical id of the governing contract.</summary>
    public string? ContractId { get; set; }

    /// <summary>Gets or sets the estimated or contracted value.</summary>
    public Money? EstimatedValue { get; set; }

    /// <summary>Gets or sets the planned start and finish.</summary>
    public DateRange? PlannedSchedule { get; set; }

    /// <summary>Gets or sets the day the project was awarded.</summary>
    public DateOnly? AwardedOn { get; set; }

    /// <summary>Gets or sets the day substantial completion was certified.</summary>
    public DateOnly? SubstantiallyCompletedOn { get; set; }

    /// <summary>Gets or sets the project manager.</summary>
    public ContactPerson? ProjectManager { get; set; }
}
