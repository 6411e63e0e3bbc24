namespace Connectivity.Cli;

/// <summary>The exit codes of the tool, as documented in <c>docs/cli.md</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked: the map is valid, every record mapped.</summary>
    public const int Success = 0;

    /// <summary>The run finished but some records failed; they are in the errors file.</summary>
    public const int RecordsFailed = 1;

    /// <summary>Bad usage, a map document with problems, or an input or output that cannot be opened.</summary>
    public const int BadMapOrUsage = 2;

    /// <summary>Reading the input or writing the output failed part-way through a run.</summary>
    public const int IoFailure = 3;

    /// <summary>The run was stopped with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
