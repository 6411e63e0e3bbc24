using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Connectivity.AspNetCore.Webhooks.Internal;

/// <summary>Reads a request body whole, up to a limit, without trusting the sender to declare its size.</summary>
internal static class WebhookBodyReader
{
    private const int InitialCapacityWithoutLength = 16 * 1024;

    /// <summary>Returns the body, or <see langword="null"/> as soon as it is known to be larger than <paramref name="maxBodySize"/>.</summary>
    public static async ValueTask<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int maxBodySize, CancellationToken cancellationToken)
    {
        var declared = request.ContentLength;
        if (declared > maxBodySize)
        {
            return null;
        }

        var capacity = declared is { } length ? (int)length : Math.Min(maxBodySize, InitialCapacityWithoutLength);
        var body = new ArrayBufferWriter<byte>(Math.Max(capacity, 1));
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var data = read.Buffer;

            // A chunked body declares no length: count while reading and stop at the limit.
            if (body.WrittenCount + data.Length > maxBodySize)
            {
                reader.AdvanceTo(data.End);
                return null;
            }

            foreach (var segment in data)
            {
                body.Write(segment.Span);
            }

            reader.AdvanceTo(data.End);
            if (read.IsCompleted || read.IsCanceled)
            {
                return body.WrittenMemory;
            }
        }
    }
}
