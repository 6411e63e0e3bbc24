namespace Connectivity.Cli;

/// <summary>What a command reads from and writes to, so tests run commands in-process with their own streams.</summary>
/// <param name="Out">Messages for the user: validation results, explanations, help.</param>
/// <param name="Error">Diagnostics, progress and the run summary.</param>
/// <param name="OpenStandardInput">Opens standard input, for <c>--input -</c>.</param>
/// <param name="OpenStandardOutput">Opens standard output as bytes, for the mapped records.</param>
/// <param name="OpenStandardError">Opens standard error as bytes, for <c>--errors -</c>.</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal, so a progress line may overwrite itself.</param>
internal sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    Func<Stream> OpenStandardInput,
    Func<Stream> OpenStandardOutput,
    Func<Stream> OpenStandardError,
    bool ErrorIsTerminal)
{
    /// <summary>Gets the process console.</summary>
    public static CliConsole System => new(
        Console.Out,
        Console.Error,
        Console.OpenStandardInput,
        Console.OpenStandardOutput,
        Console.OpenStandardError,
        !Console.IsErrorRedirected);
}
