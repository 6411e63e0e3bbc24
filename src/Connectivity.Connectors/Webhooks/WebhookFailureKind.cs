namespace Connectivity.Connectors.Webhooks;

/// <summary>Why a webhook delivery was not verified.</summary>
public enum WebhookFailureKind
{
    /// <summary>No failure: the delivery was verified.</summary>
    None = 0,

    /// <summary>A header the scheme requires is absent or empty.</summary>
    MissingHeader,

    /// <summary>A header the scheme requires is present but not in the form the scheme defines.</summary>
    MalformedHeader,

    /// <summary>No signature in the delivery matches the body under any configured secret.</summary>
    InvalidSignature,

    /// <summary>The signed timestamp is older than the tolerance allows: a replay or a badly skewed clock.</summary>
    TimestampTooOld,

    /// <summary>The signed timestamp is further in the future than the tolerance allows.</summary>
    TimestampTooNew,

    /// <summary>The body is larger than <see cref="WebhookVerifierOptions.MaxBodySize"/>.</summary>
    BodyTooLarge,

    /// <summary>The body is signed correctly but is not valid UTF-8.</summary>
    InvalidUtf8,
}
