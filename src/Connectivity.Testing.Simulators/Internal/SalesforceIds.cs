namespace Connectivity.Testing.Simulators.Internal;

/// <summary>Salesforce-like 18-character ids: key prefix, a 12-character body and the case-safe 3-character suffix.</summary>
internal static class SalesforceIds
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string SuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    public static string Create(string keyPrefix, long ordinal)
    {
        Span<char> id = stackalloc char[18];
        keyPrefix.AsSpan().CopyTo(id);
        "8d0".AsSpan().CopyTo(id[3..]); // a fixed "instance" part, as real ids carry one
        var value = ordinal;
        for (var i = 14; i >= 6; i--)
        {
            id[i] = Base62[(int)(value % 62)];
            value /= 62;
        }

        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(id[(chunk * 5) + i]))
                {
                    bits |= 1 << i;
                }
            }

            id[15 + chunk] = SuffixAlphabet[bits];
        }

        return new string(id);
    }
}
