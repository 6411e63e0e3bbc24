using System.Diagnostics;
using Connectivity.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Connectivity.Storage.Sqlite.Tests;

/// <summary>
/// Kills a dispatching child process with SIGKILL at random moments, again and again, and checks the promise:
/// nothing lost, a duplicate delivery only for the message in flight at a kill, no duplicate effect at an idempotent sink.
/// </summary>
public sealed class SqliteCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int MessageCount = 5_000;
    private const int KeyCount = 50;
    private const int KillsWanted = 50;

    // The sink takes 1 ms per write (a target's latency), so a life of at most 60 ms delivers at most ~60 messages and
    // fifty kills land before 5,000 messages drain, whatever else the machine is doing.
    private const int KillWindowMs = 60;
    private const int SinkLatencyMs = 1;

    private readonly SqliteTestDatabase _outbox = new();
    private readonly SqliteTestDatabase _ledger = new();

    public void Dispose()
    {
        _outbox.Dispose();
        _ledger.Dispose();
    }

    [Fact]
    public async Task Dispatch_ChildKilledAtRandomMomentsFiftyTimes_LosesNothingAndDuplicatesOnlyWhatWasInFlight()
    {
        var database = _outbox.Create(TimeProvider.System);
        var store = new SqliteOutboxStore(database, TimeProvider.System);
        var ids = new List<Guid>(MessageCount);
        for (var batch = 0; batch < MessageCount / 500; batch++)
        {
            var messages = Enumerable.Range(batch * 500, 500)
                .Select(i => new OutboxMessage(Guid.CreateVersion7(), "ledger", BitConverter.GetBytes(i), $"key-{i % KeyCount}"))
                .ToArray();
            ids.AddRange(messages.Select(m => m.Id));
            await store.EnqueueAsync(messages);
        }

        var random = new Random(20260301);
        var killedRuns = new HashSet<int>();
        var run = 0;
        var drained = false;
        while (!drained)
        {
            run++;
            Assert.True(run < 500, "The outbox did not drain.");
            using var child = StartChild(run);
            await WaitForLineAsync(child, "READY");
            if (killedRuns.Count < KillsWanted)
            {
                await Task.Delay(random.Next(0, KillWindowMs + 1));
                if (!child.HasExited)
                {
                    child.Kill();
                    await child.WaitForExitAsync();
                    killedRuns.Add(run);
                    continue;
                }
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await child.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, child.ExitCode);
            drained = true;
        }

        var deliveries = ReadLedger();
        var byMessage = deliveries.GroupBy(d => d.MessageId).ToDictionary(g => g.Key, g => g.ToList());
        var duplicated = byMessage.Where(g => g.Value.Count > 1).ToList();
        var lastDeliveryOfRun = deliveries.GroupBy(d => d.Run).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Seq)!.MessageId);
        var effects = CountEffects();
        var statistics = await store.GetStatisticsAsync();

        output.WriteLine($"messages: {MessageCount}, runs: {run}, kills (SIGKILL): {killedRuns.Count}, kills that interrupted a run with deliveries: {killedRuns.Count(lastDeliveryOfRun.ContainsKey)}");
        output.WriteLine($"deliveries recorded: {deliveries.Count}, distinct messages delivered: {byMessage.Count}, lost: {ids.Count(id => !byMessage.ContainsKey(id))}");
        output.WriteLine($"duplicate deliveries: {deliveries.Count - byMessage.Count} (messages delivered twice: {duplicated.Count}), effects at the idempotent sink: {effects.Rows} rows for {effects.Distinct} messages (duplicate effects: {effects.Rows - effects.Distinct})");

        Assert.True(killedRuns.Count >= KillsWanted, $"Only {killedRuns.Count} kills landed before the outbox drained.");
        Assert.Equal(0, statistics.PendingCount);
        Assert.Empty(await store.ListAsync());
        Assert.All(ids, id => Assert.True(byMessage.ContainsKey(id), $"Message {id} was lost."));
        Assert.Equal(MessageCount, byMessage.Count);
        foreach (var (id, copies) in duplicated)
        {
            // A redelivery is allowed only for the message the killed run had delivered but not yet marked: its last delivery.
            var first = copies.MinBy(d => d.Seq)!;
            Assert.Contains(first.Run, killedRuns);
            Assert.Equal(id, lastDeliveryOfRun[first.Run]);
            Assert.All(copies.Skip(1), later => Assert.True(later.Run > first.Run));
        }

        Assert.True(duplicated.Count <= killedRuns.Count);
        Assert.Equal(MessageCount, effects.Rows);
        Assert.Equal(effects.Rows, effects.Distinct);

        // Per-key order: the first deliveries of one key follow enqueue order.
        var order = ids.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        foreach (var key in deliveries.GroupBy(d => d.EntityKey))
        {
            var firsts = key.GroupBy(d => d.MessageId).Select(g => g.Min(d => d.Seq)).Order().ToList();
            var indexes = firsts.Select(seq => order[deliveries.First(d => d.Seq == seq).MessageId]).ToList();
            Assert.Equal(indexes.Order(), indexes);
        }
    }

    private Process StartChild(int run)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CrashHostPath());
        info.ArgumentList.Add(_outbox.DatabasePath);
        info.ArgumentList.Add(_ledger.DatabasePath);
        info.ArgumentList.Add(run.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add(SinkLatencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Process.Start(info)!;
    }

    private static async Task WaitForLineAsync(Process child, string expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == expected)
            {
                return;
            }
        }

        var error = await child.StandardError.ReadToEndAsync();
        Assert.Fail($"The crash host exited before '{expected}': {error}");
    }

    private static string CrashHostPath()
    {
        // tests/Connectivity.Storage.Sqlite.Tests/bin/<Configuration>/net10.0/ -> tests/Connectivity.Storage.Sqlite.CrashHost/bin/<Configuration>/net10.0/
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var tests = here.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(tests, "Connectivity.Storage.Sqlite.CrashHost", "bin", configuration, framework, "Connectivity.Storage.Sqlite.CrashHost.dll");
        Assert.True(File.Exists(path), $"Crash host not built at {path}.");
        return path;
    }

    private List<Delivery> ReadLedger()
    {
        using var connection = new SqliteConnection($"Data Source={_ledger.DatabasePath}");
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT seq, message_id, entity_key, run FROM deliveries ORDER BY seq;";
        using var reader = select.ExecuteReader();
        var list = new List<Delivery>();
        while (reader.Read())
        {
            list.Add(new Delivery(reader.GetInt64(0), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetInt32(3)));
        }

        return list;
    }

    private (long Rows, long Distinct) CountEffects()
    {
        using var connection = new SqliteConnection($"Data Source={_ledger.DatabasePath}");
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT COUNT(*), COUNT(DISTINCT message_id) FROM effects;";
        using var reader = select.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private sealed record Delivery(long Seq, Guid MessageId, string EntityKey, int Run);
}
