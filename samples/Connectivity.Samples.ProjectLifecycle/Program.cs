using Connectivity.Samples.ProjectLifecycle;

// The project-to-service lifecycle across a simulated CRM, ERP and service platform, synchronised by Connectivity.
SampleOptions options;
try
{
    options = SampleOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(SampleOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var outcome = await SampleApp.RunAsync(options, Console.Out, cancel.Token);
return outcome.IsClean ? 0 : 1;
