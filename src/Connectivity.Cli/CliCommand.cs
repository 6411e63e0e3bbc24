namespace Connectivity.Cli;

/// <summary>One command of the tool: its name, its help and how it runs.</summary>
internal abstract class CliCommand
{
    /// <summary>Gets the name typed after <c>connectivity</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Gets the one-line summary shown in the tool's usage.</summary>
    public abstract string Summary { get; }

    /// <summary>Gets the full help shown by <c>connectivity &lt;command&gt; --help</c>.</summary>
    public abstract string Help { get; }

    /// <summary>Gets the options that take a value, by long name, with their short alias, if any.</summary>
    public virtual IReadOnlyDictionary<string, string?> Options { get; } = new Dictionary<string, string?>();

    /// <summary>Runs the command.</summary>
    /// <param name="args">The parsed arguments.</param>
    /// <param name="console">Where to read and write.</param>
    /// <param name="cancellationToken">Stops the command.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="UsageException">The arguments cannot be run as given.</exception>
    public abstract ValueTask<int> RunAsync(CliArguments args, CliConsole console, CancellationToken cancellationToken);

    /// <summary>Gets the single positional argument: the map document.</summary>
    /// <param name="args">The parsed arguments.</param>
    /// <returns>The path.</returns>
    /// <exception cref="UsageException">None or more than one was given.</exception>
    protected static string MapPath(CliArguments args) => args.Positionals.Count switch
    {
        1 => args.Positionals[0],
        0 => throw new UsageException("the map document is missing."),
        _ => throw new UsageException($"one map document is expected, got {args.Positionals.Count}: {string.Join(' ', args.Positionals)}."),
    };
}
