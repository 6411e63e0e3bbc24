using System.Diagnostics;
using System.Globalization;
using Connectivity.Samples.ProjectLifecycle;
using Connectivity.Sync;

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

var output = Console.Out;
if (!options.Resume && Directory.Exists(options.DataDirectory))
{
    Directory.Delete(options.DataDirectory, recursive: true);
}

Directory.CreateDirectory(options.DataDirectory);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var clock = Stopwatch.StartNew();

await output.WriteLineAsync($"Connectivity sample: {options.Projects} project(s) from award to invoice; data in {options.DataDirectory}{(options.Resume ? " (resumed)" : string.Empty)}");
await using var systems = await SampleSystems.StartAsync(options.DataDirectory, options.Faults, cancel.Token);
await output.WriteLineAsync($"  CRM {systems.Crm.BaseAddress}  ERP {systems.Erp.BaseAddress}  service {systems.Service.BaseAddress}{(options.Faults ? "  (faults on: 429, 503, slow answers, duplicate and out-of-order webhooks)" : string.Empty)}");

using var stats = new SampleStats();
var secrets = SampleHost.NewSecrets();
await using var app = SampleHost.Build(systems, options.DataDirectory, stats, secrets, options.Verbose);
await app.StartAsync(cancel.Token);
SampleHost.Subscribe(app, systems, secrets);
var run = new SampleRun(app, systems, stats);

if (options.Resume)
{
    // Webhooks sent while the host was down are lost: read every system once, as a restarted connector would.
    var caught = await run.CatchUpAsync(cancel.Token);
    await run.WaitQuietAsync(cancel.Token);
    await output.WriteLineAsync($"  caught up: {caught} record(s) read from the three systems");
}

await new Scenario(run, options.Projects, output).RunAsync(cancel.Token);
var elapsed = clock.Elapsed;

var report = await run.ReconcileAsync(options.Repair, cancel.Token);
if (options.Repair && report.RepairsEnqueued > 0)
{
    await output.WriteLineAsync($"  {report.RepairsEnqueued} repair(s) queued; reconciling again");
    await run.WaitQuietAsync(cancel.Token);
    report = await run.ReconcileAsync(false, cancel.Token);
}

var duplicates = run.FindDuplicatesInTargets();
var deadLetters = await app.Services.GetRequiredService<Connectivity.Outbox.IDeadLetterStore>().ListAsync(limit: 1000, cancellationToken: cancel.Token);
SampleReport.Write(output, options, report, stats, systems, duplicates, deadLetters, elapsed);
await app.StopAsync(CancellationToken.None);

var clean = report.IsClean && duplicates.Count == 0;
await output.WriteLineAsync(clean
    ? string.Create(CultureInfo.InvariantCulture, $"OK: every system agrees; {elapsed.TotalSeconds:0.0} s")
    : "FAILED: the systems disagree (see above)");
return clean ? 0 : 1;
