using System.Globalization;
using System.Text.Json;
using Connectivity.Testing.Simulators.Internal;
using Microsoft.AspNetCore.Http;

namespace Connectivity.Testing.Simulators;

/// <content>The request pipeline: <c>/_sim/*</c>, then faults, then the bearer token, then the vendor API.</content>
public abstract partial class SimulatedSystem
{
    /// <summary>Answers one request of the vendor API; faults and authentication have been applied.</summary>
    private protected abstract Task HandleApiAsync(HttpContext context);

    /// <summary>Writes an error in the vendor's shape.</summary>
    private protected abstract Task WriteErrorAsync(HttpContext context, int status, SimErrorKind kind, string message);

    private async Task HandleAsync(HttpContext context)
    {
        try
        {
            if (context.Request.Path.StartsWithSegments("/_sim", StringComparison.Ordinal, out var rest))
            {
                await HandleSimAsync(context, rest).ConfigureAwait(false);
                return;
            }

            var fault = _faults.NextRequest();
            if (fault.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
            }

            switch (fault.Status)
            {
                case StatusCodes.Status429TooManyRequests:
                    context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                    await WriteErrorAsync(context, fault.Status, SimErrorKind.TooManyRequests, "Too many requests (injected fault).").ConfigureAwait(false);
                    return;
                case StatusCodes.Status503ServiceUnavailable:
                    await WriteErrorAsync(context, fault.Status, SimErrorKind.ServiceUnavailable, "The service is unavailable (injected fault).").ConfigureAwait(false);
                    return;
            }

            var token = BearerToken;
            if (token is not null && !string.Equals(context.Request.Headers.Authorization.ToString(), "Bearer " + token, StringComparison.Ordinal))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, SimErrorKind.Unauthorized, "The bearer token is missing or not valid.").ConfigureAwait(false);
                return;
            }

            await HandleApiAsync(context).ConfigureAwait(false);
        }
        catch (JsonException exception) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, SimErrorKind.BadRequest, "The body is not valid JSON: " + exception.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private async Task HandleSimAsync(HttpContext context, PathString rest)
    {
        if (rest == "/state" && HttpMethods.IsGet(context.Request.Method))
        {
            await SimJson.WriteAsync(context, StatusCodes.Status200OK, GetState()).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    /// <summary>Answers 404 for a path the API does not have.</summary>
    private protected Task WriteNotFoundPathAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status404NotFound, SimErrorKind.NotFound, $"The requested resource does not exist: {context.Request.Method} {context.Request.Path}");

    /// <summary>Answers 405 for a method the resource does not support.</summary>
    private protected Task WriteMethodNotAllowedAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, SimErrorKind.MethodNotAllowed, $"The method {context.Request.Method} is not allowed on {context.Request.Path}.");

    /// <summary>Answers 400 for a body that is JSON but not an object.</summary>
    private protected Task WriteNotAnObjectAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status400BadRequest, SimErrorKind.BadRequest, "The body must be a JSON object.");
}
