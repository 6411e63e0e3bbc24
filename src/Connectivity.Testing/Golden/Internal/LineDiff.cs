using System.Text;

namespace Connectivity.Testing.Golden.Internal;

/// <summary>A readable line diff (longest common subsequence), with a little context around each change.</summary>
internal static class LineDiff
{
    private const int Context = 2;
    private const int MaxLines = 200;

    public static string Describe(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        if ((long)a.Length * b.Length > 25_000_000)
        {
            return $"(too long to diff: {a.Length} golden lines, {b.Length} received lines)";
        }

        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', x + 1, a[x]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', y + 1, b[y]));
                y++;
            }
            else
            {
                lines.Add(('-', x + 1, a[x]));
                x++;
            }
        }

        var text = new StringBuilder();
        var shown = 0;
        for (var k = 0; k < lines.Count && shown < MaxLines; k++)
        {
            var near = false;
            for (var d = Math.Max(0, k - Context); d <= Math.Min(lines.Count - 1, k + Context); d++)
            {
                near |= lines[d].Mark != ' ';
            }

            if (!near)
            {
                if (text.Length > 0 && !text.ToString().EndsWith("...\n", StringComparison.Ordinal))
                {
                    text.Append("...\n");
                }

                continue;
            }

            text.Append(lines[k].Mark).Append(' ').Append(lines[k].Line.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4)).Append(" | ").Append(lines[k].Text).Append('\n');
            shown++;
        }

        return text.ToString();
    }
}
