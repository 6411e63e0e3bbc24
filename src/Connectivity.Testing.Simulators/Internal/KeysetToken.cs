using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Connectivity.Testing.Simulators.Internal;

/// <summary>
/// An opaque paging token: the position (modification time, id) after which the next page starts, plus the
/// query it continues. Stateless, so a token never expires.
/// </summary>
internal readonly record struct KeysetToken(string Table, long AfterTicks, string AfterId, long SinceTicks, int PageSize, int TotalSize, string Filter)
{
    public string Encode()
    {
        var text = string.Join('\n', Table, AfterTicks.ToString(CultureInfo.InvariantCulture), AfterId, SinceTicks.ToString(CultureInfo.InvariantCulture),
            PageSize.ToString(CultureInfo.InvariantCulture), TotalSize.ToString(CultureInfo.InvariantCulture), Filter);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static KeysetToken? Decode(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
            return parts.Length == 7
                ? new KeysetToken(parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture), parts[2], long.Parse(parts[3], CultureInfo.InvariantCulture),
                    int.Parse(parts[4], CultureInfo.InvariantCulture), int.Parse(parts[5], CultureInfo.InvariantCulture), parts[6])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
