namespace Connectivity.Cli;

/// <summary>
/// The arguments of one command: positional values and <c>--name value</c> / <c>--name=value</c> options.
/// Deliberately small: every option is known up front, given at most once, and a mistake is a <see cref="UsageException"/>.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private CliArguments()
    {
    }

    /// <summary>Gets the positional arguments, in order.</summary>
    public List<string> Positionals { get; } = [];

    /// <summary>Gets whether <c>--help</c> or <c>-h</c> was given.</summary>
    public bool Help { get; private set; }

    /// <summary>Parses the arguments after the command name.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="options">The options that take a value, by long name (<c>--input</c>), with their short aliases (<c>-i</c>), if any.</param>
    /// <returns>The parsed arguments.</returns>
    /// <exception cref="UsageException">An unknown option, a missing value or an option given twice.</exception>
    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> options)
    {
        var parsed = new CliArguments();
        var onlyPositionals = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositionals || arg == "-" || !arg.StartsWith('-'))
            {
                parsed.Positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }

            if (arg is "--help" or "-h" or "-?")
            {
                parsed.Help = true;
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            var longName = options.ContainsKey(name) ? name : options.FirstOrDefault(o => o.Value == name).Key;
            if (longName is null)
            {
                var known = options.Count == 0 ? "it takes no option" : "its options are " + string.Join(", ", options.Keys);
                throw new UsageException($"unknown option '{name}'; {known}.");
            }

            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && (args[i + 1] == "-" || !args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"option '{longName}' needs a value.");
            }

            if (!parsed._values.TryAdd(longName, value))
            {
                throw new UsageException($"option '{longName}' is given more than once.");
            }
        }

        return parsed;
    }

    /// <summary>Gets the value of an option, or <see langword="null"/> when it was not given.</summary>
    /// <param name="longName">The option's long name, <c>--input</c>.</param>
    /// <returns>The value.</returns>
    public string? Get(string longName) => _values.GetValueOrDefault(longName);
}
