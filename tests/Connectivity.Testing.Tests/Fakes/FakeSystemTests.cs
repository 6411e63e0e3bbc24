using System.Text.Json.Nodes;
using Connectivity.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Testing.Tests.Fakes;

public sealed class FakeSystemTests
{
    private readonly FakeSystem _crm = new("crm");

    private FakeTimeProvider Clock => (FakeTimeProvider)_crm.TimeProvider;

    private static JsonObject Customer(string name) => new() { ["name"] = name };

    [Fact]
    public void Create_WithoutRemoteId_CountsIdsUpPerEntityType()
    {
        var first = _crm.Create("customer", Customer("A"));
        var second = _crm.Create("customer", """{"name":"B"}""");
        var project = _crm.Create("project", new JsonObject { ["name"] = "P" });
        var own = _crm.Create("customer", Customer("C"), remoteId: "C-77");

        Assert.Equal(["crm-customer-0001", "crm-customer-0002", "crm-project-0001", "C-77"], new[] { first, second, project, own }.Select(r => r.RemoteId));
        Assert.Equal([1L, 2, 3, 4], new[] { first, second, project, own }.Select(r => r.Sequence));
        Assert.Equal(["A", "B", "C"], _crm.Records("customer").Select(r => r.GetText("name")));
    }

    [Fact]
    public void Create_RemoteIdTaken_Throws()
    {
        _crm.Create("customer", Customer("A"), "C-1");

        Assert.Throws<ArgumentException>(() => _crm.Create("customer", Customer("B"), "C-1"));
    }

    [Fact]
    public void Create_TheCallersObjectChangedAfterwards_LeavesTheRecordAsCreated()
    {
        var record = Customer("A");
        _crm.Create("customer", record);

        record["name"] = "Changed";

        Assert.Equal("A", _crm.Find("customer", "crm-customer-0001")!.GetText("name"));
    }

    [Fact]
    public void Edit_Record_BumpsVersionSequenceAndTimeAndDeliversTheChange()
    {
        var created = _crm.Create("customer", Customer("A"));
        _crm.TakeDeliveries();
        Clock.Advance(TimeSpan.FromMinutes(5));

        var edited = _crm.Edit("customer", created.RemoteId, r => r["name"] = "B");

        Assert.Equal((2L, 2L, created.ModifiedAt.AddMinutes(5)), (edited.Version, edited.Sequence, edited.ModifiedAt));
        Assert.Equal("A", created.GetText("name"));
        var delivery = Assert.Single(_crm.TakeDeliveries());
        Assert.Equal(("crm-customer-0001", "crm-delivery-000002", 2L), (delivery.RemoteId, delivery.DeliveryId, delivery.Sequence));
        Assert.Equal("""{"name":"B"}""", System.Text.Encoding.UTF8.GetString(delivery.CanonicalJson.Span));
    }

    [Fact]
    public void Edit_UnknownRecord_Throws() =>
        Assert.Throws<ArgumentException>(() => _crm.Edit("customer", "nope", r => r["name"] = "B"));

    [Fact]
    public void TakeDeliveries_NoFaults_DeliversEachChangeOnceInOrder()
    {
        for (var i = 1; i <= 4; i++)
        {
            _crm.Create("customer", Customer($"C{i}"));
        }

        Assert.Equal(4, _crm.PendingDeliveryCount);
        Assert.Equal([1L, 2, 3, 4], _crm.TakeDeliveries().Select(d => d.Sequence));
        Assert.Empty(_crm.TakeDeliveries());
    }

    [Fact]
    public void TakeDeliveries_DuplicateEverySecondChange_DeliversThoseTwiceWithTheSameId()
    {
        _crm.Faults.DuplicateDeliveryEvery = 2;
        for (var i = 1; i <= 4; i++)
        {
            _crm.Create("customer", Customer($"C{i}"));
        }

        var deliveries = _crm.TakeDeliveries();

        Assert.Equal([1L, 2, 2, 3, 4, 4], deliveries.Select(d => d.Sequence));
        Assert.Equal(deliveries[1], deliveries[2]);
        Assert.Equal(4, deliveries.Select(d => d.DeliveryId).Distinct().Count());
    }

    [Fact]
    public void TakeDeliveries_OutOfOrderEverySecondChange_DeliversEachAfterTheChangeThatFollowsIt()
    {
        _crm.Faults.OutOfOrderEvery = 2;
        for (var i = 1; i <= 5; i++)
        {
            _crm.Create("customer", Customer($"C{i}"));
        }

        Assert.Equal([1L, 3, 2, 5, 4], _crm.TakeDeliveries().Select(d => d.Sequence));
    }

    [Fact]
    public void TakeDeliveries_HeldBackChangeWithNothingAfterIt_DeliversItLast()
    {
        _crm.Faults.OutOfOrderEvery = 2;
        _crm.Create("customer", Customer("A"));
        _crm.Create("customer", Customer("B"));

        Assert.Equal([1L, 2], _crm.TakeDeliveries().Select(d => d.Sequence));
    }

    [Fact]
    public void TakeDeliveries_DuplicatedAndOutOfOrder_StaysTogetherAfterTheNextChange()
    {
        _crm.Faults.DuplicateDeliveryEvery = 2;
        _crm.Faults.OutOfOrderEvery = 2;
        for (var i = 1; i <= 3; i++)
        {
            _crm.Create("customer", Customer($"C{i}"));
        }

        Assert.Equal([1L, 3, 2, 2], _crm.TakeDeliveries().Select(d => d.Sequence));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(333)]
    [InlineData(1000)]
    public void ReadChangesSince_ThousandRecordsWithTiesInTheirTime_LosesAndRepeatsNothing(int pageSize)
    {
        // 13 records share each instant, so page boundaries fall inside groups of ties.
        for (var i = 0; i < 1000; i++)
        {
            if (i % 13 == 0)
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
            }

            _crm.Create("customer", Customer($"C{i}"));
        }

        var read = new List<FakeRecord>();
        string? cursor = null;
        FakeChangePage page;
        var pages = 0;
        do
        {
            page = _crm.ReadChangesSince("customer", cursor, pageSize);
            read.AddRange(page.Records);
            cursor = page.Cursor;
            pages++;
        }
        while (page.HasMore);

        Assert.Equal(1000, read.Count);
        Assert.Equal(1000, read.Select(r => r.RemoteId).Distinct().Count());
        Assert.Equal((1000 + pageSize - 1) / pageSize, pages);
        Assert.Equal(read.OrderBy(r => r.ModifiedAt).ThenBy(r => r.RemoteId, StringComparer.Ordinal), read);
        Assert.Empty(_crm.ReadChangesSince("customer", cursor, pageSize).Records);
    }

    [Fact]
    public void ReadChangesSince_RecordEditedAfterItWasRead_ComesAgainWithItsNewVersion()
    {
        _crm.Create("customer", Customer("A"));
        _crm.Create("customer", Customer("B"));
        var first = _crm.ReadChangesSince("customer", null, 10);
        Clock.Advance(TimeSpan.FromSeconds(1));

        _crm.Edit("customer", "crm-customer-0001", r => r["name"] = "A2");
        var next = _crm.ReadChangesSince("customer", first.Cursor, 10);

        var record = Assert.Single(next.Records);
        Assert.Equal(("crm-customer-0001", 2L), (record.RemoteId, record.Version));
        Assert.False(next.HasMore);
    }

    [Fact]
    public void ReadChangesSince_EmptyPage_KeepsTheCursor()
    {
        var page = _crm.ReadChangesSince("customer", null, 10);

        Assert.Equal((0, null, false), (page.Records.Count, page.Cursor, page.HasMore));
    }

    [Fact]
    public void ReadChangesSince_NotACursor_Throws() =>
        Assert.Throws<ArgumentException>(() => _crm.ReadChangesSince("customer", "yesterday", 10));

    [Fact]
    public void AssertRecordCount_WrongCount_ThrowsNamingTheRecords()
    {
        _crm.Create("customer", Customer("A"));

        var failure = Assert.Throws<FakeSystemAssertionException>(() => _crm.AssertRecordCount("customer", 2));

        Assert.Equal(
            """
            Expected 2 customer records in crm, found 1:
              customer crm-customer-0001 v1: {"name":"A"}
            """.ReplaceLineEndings(),
            failure.Message);
    }

    [Fact]
    public void AssertWritten_OneMatch_ReturnsIt()
    {
        _crm.Create("customer", Customer("A"));
        _crm.Create("customer", Customer("B"));

        var record = _crm.AssertWritten("customer", r => (string?)r["name"] == "B");

        Assert.Equal("crm-customer-0002", record.RemoteId);
    }

    [Fact]
    public void AssertWritten_NoneOrSeveralMatch_Throws()
    {
        _crm.Create("customer", Customer("A"));
        _crm.Create("customer", Customer("A"));

        var none = Assert.Throws<FakeSystemAssertionException>(() => _crm.AssertWritten("customer", r => (string?)r["name"] == "Z"));
        var several = Assert.Throws<FakeSystemAssertionException>(() => _crm.AssertWritten("customer", r => (string?)r["name"] == "A"));

        Assert.StartsWith("Expected one matching customer record in crm, found none among 2:", none.Message, StringComparison.Ordinal);
        Assert.StartsWith("Expected one matching customer record in crm, found 2:", several.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicates_NestedKeyPath_GroupsByTheValueThereAndSkipsMissingValues()
    {
        _crm.Create("customer", JsonNode.Parse("""{"contacts":[{"email":"a@x.example"}]}""")!.AsObject());
        _crm.Create("customer", JsonNode.Parse("""{"contacts":[{"email":"a@x.example"}]}""")!.AsObject());
        _crm.Create("customer", JsonNode.Parse("""{"contacts":[]}""")!.AsObject());
        _crm.Create("customer", JsonNode.Parse("""{"name":"no contacts"}""")!.AsObject());

        var duplicates = _crm.Duplicates("customer", "contacts[0].email");

        Assert.Equal(["a@x.example"], duplicates.Keys);
        Assert.Equal(2, duplicates["a@x.example"].Count);
        Assert.Empty(_crm.Duplicates("project", "name"));
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("a[1")]
    [InlineData("a[1]b")]
    [InlineData("a[-1]")]
    public void Duplicates_NotAPath_Throws(string path) =>
        Assert.Throws<ArgumentException>(() => _crm.Duplicates("customer", path));

    [Theory]
    [InlineData("name", "A")]
    [InlineData("tags[1]", "y")]
    [InlineData("address.city", "Kiel")]
    [InlineData("lines[0][1]", "2")]
    [InlineData("limit", "50000")]
    [InlineData("missing.deeper", null)]
    public void GetText_Path_ReadsTheValueThere(string path, string? expected)
    {
        var record = _crm.Create("customer", """{"name":"A","tags":["x","y"],"address":{"city":"Kiel"},"lines":[[1,2]],"limit":50000}""");

        Assert.Equal(expected, record.GetText(path));
    }
}
