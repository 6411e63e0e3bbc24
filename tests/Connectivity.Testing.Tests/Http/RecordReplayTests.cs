using System.Net;
using System.Net.Http.Json;
using System.Text;
using Connectivity.Testing.Http;

namespace Connectivity.Testing.Tests.Http;

public sealed class RecordReplayTests : IAsyncLifetime
{
    private SandboxServer _server = null!;

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Record_ThenReplay_AnswersTheSameWithoutTheServerAndWithoutSecrets()
    {
        var recording = new RecordingHandler(new SocketsHttpHandler());
        var cassettePath = Path.Combine(Path.GetTempPath(), $"cassette-{Guid.NewGuid():N}.json");
        List<string> live;
        using (var client = new HttpClient(recording) { BaseAddress = _server.BaseAddress })
        {
            live = await ReadEverythingAsync(client);
        }

        recording.Cassette.Save(cassettePath);
        var saved = await File.ReadAllTextAsync(cassettePath);
        await _server.DisposeAsync();
        _server = await SandboxServer.StartAsync();

        var replay = new ReplayHandler(HttpCassette.Load(cassettePath));
        List<string> replayed;
        using (var client = new HttpClient(replay) { BaseAddress = live.Count > 0 ? RecordedBase(saved) : null })
        {
            replayed = await ReadEverythingAsync(client);
        }

        File.Delete(cassettePath);
        Assert.Equal(live, replayed);
        Assert.Equal(0, replay.Remaining);
        Assert.DoesNotContain("s3cr3t-token-value", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("client-secret-value", saved, StringComparison.Ordinal);
        Assert.Contains("[REDACTED]", saved, StringComparison.Ordinal);
        Assert.Contains("\"status\": 429", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_UnmatchedRequest_FailsNamingItAndWhatIsLeft()
    {
        var cassette = new HttpCassette
        {
            Interactions =
            [
                new HttpInteraction { Request = new RecordedRequest { Method = "GET", Uri = "http://sandbox.test/accounts?page=1" }, Response = new RecordedResponse { Status = 200, Body = "{}" } },
            ],
        };
        using var client = new HttpClient(new ReplayHandler(cassette)) { BaseAddress = new Uri("http://sandbox.test") };

        var ex = await Assert.ThrowsAsync<ReplayMismatchException>(() => client.GetAsync(new Uri("/accounts?page=9", UriKind.Relative)));

        Assert.Contains("No recorded exchange matches GET http://sandbox.test/accounts?page=9", ex.Message, StringComparison.Ordinal);
        Assert.Contains("#0 GET http://sandbox.test/accounts?page=1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_SameRequestTwice_GetsTheRecordedAnswersInOrder()
    {
        var cassette = new HttpCassette
        {
            Interactions =
            [
                new HttpInteraction { Request = new RecordedRequest { Method = "GET", Uri = "http://sandbox.test/x" }, Response = new RecordedResponse { Status = 429, Headers = { ["Retry-After"] = "1" } } },
                new HttpInteraction { Request = new RecordedRequest { Method = "GET", Uri = "http://sandbox.test/x" }, Response = new RecordedResponse { Status = 200, Body = "ok" } },
            ],
        };
        using var client = new HttpClient(new ReplayHandler(cassette));

        var first = await client.GetAsync(new Uri("http://sandbox.test/x"));
        var second = await client.GetAsync(new Uri("http://sandbox.test/x"));

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter!.Delta);
        Assert.Equal("ok", await second.Content.ReadAsStringAsync());
        await Assert.ThrowsAsync<ReplayMismatchException>(() => client.GetAsync(new Uri("http://sandbox.test/x")));
    }

    private static Uri RecordedBase(string cassette)
    {
        var start = cassette.IndexOf("http://127.0.0.1:", StringComparison.Ordinal);
        var end = cassette.IndexOf('/', start + "http://".Length);
        return new Uri(cassette[start..end]);
    }

    private static async Task<List<string>> ReadEverythingAsync(HttpClient client)
    {
        var seen = new List<string>();
        using var tokenRequest = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", "cnx"), new("client_secret", "client-secret-value")]);
        var token = await (await client.PostAsync(new Uri("/oauth/token", UriKind.Relative), tokenRequest)).Content.ReadFromJsonAsync<Token>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token!.Access_token);

        string? next = "/accounts?page=1";
        while (next is not null)
        {
            var response = await client.GetAsync(new Uri(next, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            seen.Add($"{(int)response.StatusCode} {body}");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                continue;
            }

            next = (await response.Content.ReadFromJsonAsync<Page>())!.NextRecordsUrl;
        }

        using var upsert = new StringContent("""{"Id":"A9","Name":"Neu"}""", Encoding.UTF8, "application/json");
        var created = await client.PostAsync(new Uri("/accounts", UriKind.Relative), upsert);
        seen.Add($"{(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        return seen;
    }

    private sealed record Token(string Access_token);

    private sealed record Page(string? NextRecordsUrl);
}
