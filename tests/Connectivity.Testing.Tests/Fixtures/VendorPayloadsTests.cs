using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connectivity.Testing.Fixtures;
using Connectivity.Testing.Simulators;

namespace Connectivity.Testing.Tests.Fixtures;

public sealed partial class VendorPayloadsTests
{
    public static TheoryData<string> AllNames => [.. VendorPayloads.Names];

    public static TheoryData<string> CrmRecords => ["crm/account", "crm/opportunity", "crm/invoice"];

    public static TheoryData<string> ErpRecords => ["erp/customer", "erp/project", "erp/sales-invoice"];

    public static TheoryData<string> ServiceRecords => ["service/work-order", "service/asset", "service/entitlement"];

    public static TheoryData<string, string> Webhooks => new() { { "crm/webhook", "crm/account" }, { "erp/webhook", "erp/customer" }, { "service/webhook", "service/work-order" } };

    [Fact]
    public void Names_Always_ListsThePayloadsOfTheThreeSystems()
    {
        Assert.Equal(
            [
                "crm/account", "crm/invoice", "crm/opportunity", "crm/query-page", "crm/webhook",
                "erp/customer", "erp/customers-page", "erp/project", "erp/sales-invoice", "erp/webhook",
                "service/asset", "service/entitlement", "service/webhook", "service/work-order", "service/work-order-display-values",
            ],
            VendorPayloads.Names);
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Get_EveryPayload_ParsesAsAJsonObject(string name)
    {
        using var document = JsonDocument.Parse(VendorPayloads.Get(name));

        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        Assert.NotEmpty(VendorPayloads.GetJson(name));
    }

    [Fact]
    public void Get_TwoCalls_ReturnIndependentCopies()
    {
        var first = VendorPayloads.Get("crm/account");
        first[0] = (byte)'x';
        var account = VendorPayloads.Crm.Account();
        account["Name"] = "Changed";

        Assert.Equal((byte)'{', VendorPayloads.Get("crm/account")[0]);
        Assert.Equal("Nordwind Facility Services GmbH", (string?)VendorPayloads.Crm.Account()["Name"]);
    }

    [Fact]
    public void Get_UnknownName_ThrowsArgumentExceptionListingThePayloads()
    {
        var exception = Assert.Throws<ArgumentException>(() => VendorPayloads.Get("crm/lead"));

        Assert.Contains("crm/account", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => VendorPayloads.Get(null!));
        Assert.Throws<ArgumentException>(() => VendorPayloads.GetJson(" "));
    }

    [Fact]
    public void Accessors_EachSystem_ReturnTheNamedPayloads()
    {
        Assert.True(JsonNode.DeepEquals(VendorPayloads.GetJson("crm/opportunity"), VendorPayloads.Crm.Opportunity()));
        Assert.True(JsonNode.DeepEquals(VendorPayloads.GetJson("erp/sales-invoice"), VendorPayloads.Erp.SalesInvoice()));
        Assert.True(JsonNode.DeepEquals(VendorPayloads.GetJson("service/entitlement"), VendorPayloads.Service.Entitlement()));
        Assert.Equal("Account.updated", (string?)VendorPayloads.Crm.Webhook()["type"]);
    }

    [Theory]
    [MemberData(nameof(CrmRecords))]
    public void CrmRecord_Always_HasSalesforceSystemFields(string name) => AssertCrmRecord(VendorPayloads.GetJson(name));

    [Fact]
    public void CrmQueryPage_Always_HasRecordsAndANextRecordsUrl()
    {
        var page = VendorPayloads.Crm.QueryPage();

        Assert.False((bool)page["done"]!);
        Assert.StartsWith("/services/data/v60.0/query/", (string)page["nextRecordsUrl"]!, StringComparison.Ordinal);
        var records = page["records"]!.AsArray();
        Assert.True((int)page["totalSize"]! > records.Count);
        Assert.All(records, static r => AssertCrmRecord(r!.AsObject()));
    }

    [Theory]
    [MemberData(nameof(ErpRecords))]
    public void ErpRecord_Always_HasBusinessCentralSystemFields(string name) => AssertErpRecord(VendorPayloads.GetJson(name));

    [Fact]
    public void ErpCustomersPage_Always_HasAContextRecordsAndANextLink()
    {
        var page = VendorPayloads.Erp.CustomersPage();

        Assert.EndsWith($"/api/v2.0/$metadata#companies({SimulatedErp.DefaultCompanyId:D})/customers", (string)page["@odata.context"]!, StringComparison.Ordinal);
        Assert.Contains("$skiptoken=", (string)page["@odata.nextLink"]!, StringComparison.Ordinal);
        Assert.All(page["value"]!.AsArray(), static r => AssertErpRecord(r!.AsObject()));
    }

    [Theory]
    [MemberData(nameof(ServiceRecords))]
    public void ServiceRecord_Always_HasServiceNowSystemFieldsAndOnlyStrings(string name) => AssertServiceRecord(VendorPayloads.GetJson(name));

    [Fact]
    public void ServiceWorkOrderDisplayValues_Always_PairsEveryFieldOfThePlainWorkOrder()
    {
        var plain = VendorPayloads.Service.WorkOrder();
        var display = VendorPayloads.Service.WorkOrderDisplayValues();

        Assert.Equal(plain.Select(static p => p.Key), display.Select(static p => p.Key));
        foreach (var (field, node) in display)
        {
            var pair = node!.AsObject();
            Assert.Equal((string?)plain[field], (string?)pair["value"]);
            Assert.IsType<string>((string?)pair["display_value"]);
            Assert.Equal(field is "company" or "asset", pair.ContainsKey("link"));
        }
    }

    [Theory]
    [MemberData(nameof(Webhooks))]
    public async Task Webhook_EachSystem_IsAnEnvelopeWhoseTypeNamesATableOfItsSimulator(string name, string recordName)
    {
        var envelope = VendorPayloads.GetJson(name);
        await using SimulatedSystem simulator = name.Split('/')[0] switch
        {
            "crm" => new SimulatedCrm(),
            "erp" => new SimulatedErp(),
            _ => new SimulatedServicePlatform(),
        };
        var tables = simulator.Tables;

        Assert.Equal(["id", "type", "timestamp", "data"], envelope.Select(static p => p.Key));
        Assert.Matches(EventIdPattern(), (string)envelope["id"]!);
        var type = (string)envelope["type"]!;
        Assert.Contains(type[..type.LastIndexOf('.')], tables);
        Assert.Matches(@"\.(created|updated)$", type);
        var timestamp = (string)envelope["timestamp"]!;
        Assert.Matches(UtcMillisecondsPattern(), timestamp);
        var data = envelope["data"]!.AsObject();
        Assert.True(JsonNode.DeepEquals(VendorPayloads.GetJson(recordName), data), $"{name}: data is not {recordName}");
        var modified = DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture);
        switch (name)
        {
            case "crm/webhook":
                Assert.Equal(SimulatedCrm.FormatDateTime(modified), (string)data["LastModifiedDate"]!);
                break;
            case "erp/webhook":
                Assert.Equal(timestamp, (string)data["lastModifiedDateTime"]!);
                break;
            default:
                Assert.Equal(modified.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), (string)data["sys_updated_on"]!);
                break;
        }
    }

    private static void AssertCrmRecord(JsonObject record)
    {
        var id = (string)record["Id"]!;
        Assert.Matches("^[a-zA-Z0-9]{18}$", id);
        var attributes = record["attributes"]!.AsObject();
        Assert.Equal($"/services/data/v60.0/sobjects/{attributes["type"]}/{id}", (string)attributes["url"]!);
        foreach (var field in new[] { "CreatedDate", "LastModifiedDate", "SystemModstamp" })
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$", (string)record[field]!);
        }

        Assert.Contains(record, static p => p.Key.EndsWith("__c", StringComparison.Ordinal));
        Assert.Contains(record, static p => p.Value is null);
    }

    private static void AssertErpRecord(JsonObject record)
    {
        Assert.Matches("^W/\"[A-Za-z0-9+/=]+\"$", (string)record["@odata.etag"]!);
        Assert.True(Guid.TryParse((string)record["id"]!, out _));
        Assert.Matches("^[A-Z]+[0-9]{5}$", (string)record["number"]!);
        Assert.Matches(UtcMillisecondsPattern(), (string)record["lastModifiedDateTime"]!);
        Assert.True(record.ContainsKey("externalNo"));
        Assert.False(record.ContainsKey("@odata.context"));
    }

    private static void AssertServiceRecord(JsonObject record)
    {
        Assert.Matches("^[0-9a-f]{32}$", (string)record["sys_id"]!);
        Assert.Matches("^[A-Z]+[0-9]{7}$", (string)record["number"]!);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", (string)record["sys_created_on"]!);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", (string)record["sys_updated_on"]!);
        Assert.Matches("^[0-9]+$", (string)record["sys_mod_count"]!);
        Assert.All(record, static p => Assert.Equal(JsonValueKind.String, p.Value!.GetValueKind()));
        Assert.Contains(record, static p => p.Key.StartsWith("u_", StringComparison.Ordinal));
    }

    [GeneratedRegex("^msg_[0-9a-f]{32}$")]
    private static partial Regex EventIdPattern();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")]
    private static partial Regex UtcMillisecondsPattern();
}
