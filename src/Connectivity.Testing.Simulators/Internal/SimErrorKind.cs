namespace Connectivity.Testing.Simulators.Internal;

/// <summary>The errors a simulated API answers; each system words them in its vendor's shape.</summary>
internal enum SimErrorKind
{
    BadRequest,
    Unauthorized,
    NotFound,
    MethodNotAllowed,
    PreconditionFailed,
    PreconditionRequired,
    MultipleChoices,
    TooManyRequests,
    ServiceUnavailable,
}
