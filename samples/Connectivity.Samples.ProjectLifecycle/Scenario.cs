using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Connectivity.Testing.Simulators;

namespace Connectivity.Samples.ProjectLifecycle;

/// <summary>
/// The people at work in the three systems, in waves: each wave is one kind of action for every project, then the sync settles.
/// Every action first checks whether it was already done, so a restarted run carries on where it stopped.
/// </summary>
internal sealed class Scenario(SampleRun run, int projects, TextWriter output)
{
    private const int Steps = 12;

    private SimulatedCrm Crm => run.Systems.Crm;

    private SimulatedErp Erp => run.Systems.Erp;

    private SimulatedServicePlatform Service => run.Systems.Service;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await StepAsync(1, "CRM: projects awarded (account, won opportunity with billing schedule)", AwardInCrm, cancellationToken);
        await StepAsync(2, "ERP: customers validated (terms, credit limit), contracts activated, service entitlements set up", ValidateInErp, cancellationToken);
        await StepAsync(3, "CRM: change orders agreed; a sales rep raises credit limits finance owns", AgreeChangeOrdersInCrm, cancellationToken);
        await StepAsync(4, "ERP: change orders approved", ApproveChangeOrdersInErp, cancellationToken);
        await StepAsync(5, "ERP: projects mobilized", () => MoveProjects("Mobilized", null), cancellationToken);
        await StepAsync(6, "ERP: projects in progress", () => MoveProjects("InProgress", null), cancellationToken);
        await StepAsync(7, "ERP: substantial completion, installed assets registered", CompleteInErp, cancellationToken);
        await StepAsync(8, "ERP: warranty entitlements activated on the installed assets", ActivateWarranties, cancellationToken);
        await StepAsync(9, "Service: warranty visits dispatched", () => WorkOrders(null, "dispatched"), cancellationToken);
        await StepAsync(10, "Service: technicians on site", () => WorkOrders("dispatched", "inProgress"), cancellationToken);
        await StepAsync(11, "Service: work orders completed", () => WorkOrders("inProgress", "completed"), cancellationToken);
        await StepAsync(12, "ERP: invoices posted for completed work (status back to CRM)", PostInvoicesInErp, cancellationToken);
    }

    private static string Key(int i) => $"K{i:D4}";

    private static JsonObject Fields(params (string Name, JsonNode? Value)[] fields)
    {
        var o = new JsonObject();
        foreach (var (name, value) in fields)
        {
            o[name] = value;
        }

        return o;
    }

    private static Dictionary<string, JsonObject> ByText(IEnumerable<JsonObject> records, string field)
    {
        var map = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record[field]?.GetValue<string>() is { Length: > 0 } key)
            {
                map.TryAdd(key, record);
            }
        }

        return map;
    }

    private async Task StepAsync(int number, string title, Func<int> act, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await output.WriteAsync($"[{number,2}/{Steps}] {title} ... ").ConfigureAwait(false);
        var actions = act();
        await run.WaitQuietAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{actions} action(s), synced in {clock.Elapsed.TotalSeconds:0.0} s ({run.Stats.Processed} records processed so far)")).ConfigureAwait(false);
    }

    private int AwardInCrm()
    {
        var accounts = ByText(Crm.GetRecords("Account"), "Sample_Key__c");
        var opportunities = ByText(Crm.GetRecords("Opportunity"), "Sample_Key__c");
        var actions = 0;
        for (var i = 1; i <= projects; i++)
        {
            var key = Key(i);
            if (!accounts.TryGetValue(key, out var account))
            {
                Crm.CreateRecord("Account", Fields(
                    ("Name", $"Customer {key}"), ("Type", "Customer - Direct"), ("Phone", $"+49 30 {1000 + i}"), ("Website", $"https://customer-{i}.example"),
                    ("BillingStreet", $"{i} Hauptstrasse"), ("BillingCity", "Berlin"), ("BillingPostalCode", "10115"), ("BillingCountry", "DE"),
                    ("CurrencyIsoCode", "EUR"), ("Credit_Limit__c", "50000.00"), ("Customer_Status__c", "Active"), ("Sample_Key__c", key)));
                account = ByText(Crm.GetRecords("Account"), "Sample_Key__c")[key];
                actions++;
            }

            if (!opportunities.ContainsKey(key))
            {
                Crm.CreateRecord("Opportunity", Fields(
                    ("Name", $"Project {key}"), ("AccountId", account["Id"]!.GetValue<string>()), ("StageName", "Closed Won"), ("Amount", 120000 + i),
                    ("CloseDate", "2026-11-25"), ("Project_Manager_Name__c", "Rivera"), ("Project_Manager_Email__c", $"pm{i}@contractor.example"),
                    ("Deposit__c", 30000), ("Progress__c", 80000), ("Retention__c", 10000 + i), ("Sample_Key__c", key)));
                actions++;
            }
        }

        return actions;
    }

    private int ValidateInErp()
    {
        var actions = 0;
        foreach (var customer in Erp.GetRecords("customers").Where(static c => c["paymentTermsCode"] is null))
        {
            Erp.UpdateRecord("customers", customer["id"]!.GetValue<string>(), Fields(("paymentTermsCode", "NET30"), ("currencyCode", "EUR"), ("creditLimit", 75000)));
            actions++;
        }

        var entitlements = Erp.GetRecords("entitlements").Select(static e => e["description"]?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var contract in Erp.GetRecords("contracts"))
        {
            var id = contract["id"]!.GetValue<string>();
            var title = contract["description"]?.GetValue<string>() ?? id;
            if (contract["status"]?.GetValue<string>() != "Active")
            {
                Erp.UpdateRecord("contracts", id, Fields(("status", "Active")));
                actions++;
            }

            foreach (var (kind, name, visits) in new[] { ("Service", $"Service plan for {title}", 4), ("Warranty", $"Warranty for {title}", 0) })
            {
                if (!entitlements.Contains(name))
                {
                    Erp.CreateRecord("entitlements", Fields(
                        ("description", name), ("kind", kind), ("customerId", contract["customerId"]?.DeepClone()), ("contractId", id), ("status", "Pending"),
                        ("includedVisits", visits == 0 ? null : visits), ("responseTimeHours", 24), ("coverageStart", "2026-12-01"), ("coverageEnd", "2028-11-30")));
                    actions++;
                }
            }
        }

        return actions;
    }

    private int AgreeChangeOrdersInCrm()
    {
        var actions = 0;
        foreach (var opportunity in Crm.GetRecords("Opportunity").Where(static o => o["CO_Number__c"] is null))
        {
            Crm.UpdateRecord("Opportunity", opportunity["Id"]!.GetValue<string>(), Fields(
                ("CO_Number__c", "CO-1"), ("CO_Description__c", "Additional cabling to the plant room"), ("CO_Amount__c", 4500), ("CO_Status__c", "Agreed")));
            actions++;
        }

        // Finance owns an active customer's credit limit: this edit is rejected, and the CRM gets the ERP's value back.
        foreach (var account in Crm.GetRecords("Account").Where(static a => a["Sample_Key__c"]?.GetValue<string>() is { } k && int.Parse(k[1..], CultureInfo.InvariantCulture) % 5 == 0 && a["Rogue_Edit__c"] is null))
        {
            Crm.UpdateRecord("Account", account["Id"]!.GetValue<string>(), Fields(("Credit_Limit__c", "999999.00"), ("Rogue_Edit__c", true)));
            actions++;
        }

        return actions;
    }

    private int ApproveChangeOrdersInErp()
    {
        var actions = 0;
        foreach (var contract in Erp.GetRecords("contracts"))
        {
            if (contract["changeOrders"] is not JsonArray orders || orders.Count == 0 || orders[0]?["status"]?.GetValue<string>() == "Approved")
            {
                continue;
            }

            var approved = (JsonArray)orders.DeepClone();
            approved[0]!["status"] = "Approved";
            approved[0]!["approvedDate"] = "2026-12-15";
            Erp.UpdateRecord("contracts", contract["id"]!.GetValue<string>(), Fields(("changeOrders", approved)));
            actions++;
        }

        return actions;
    }

    private int MoveProjects(string status, Action<JsonObject, JsonObject>? also)
    {
        // Forward only: a project already past this stage (a resumed run) is left where it is.
        var order = new[] { "Awarded", "Mobilized", "InProgress", "SubstantiallyComplete" };
        var target = Array.IndexOf(order, status);
        var actions = 0;
        foreach (var project in Erp.GetRecords("projects").Where(p => Array.IndexOf(order, p["status"]?.GetValue<string>() ?? "Awarded") < target))
        {
            var fields = Fields(("status", status));
            also?.Invoke(project, fields);
            Erp.UpdateRecord("projects", project["id"]!.GetValue<string>(), fields);
            actions++;
        }

        return actions;
    }

    private int CompleteInErp()
    {
        var actions = 0;
        var assets = Erp.GetRecords("assets").Select(static a => a["description"]?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var project in Erp.GetRecords("projects"))
        {
            var name = project["displayName"]?.GetValue<string>() ?? string.Empty;
            for (var unit = 1; unit <= 2; unit++)
            {
                var description = $"Heat pump {unit} of {name}";
                if (!assets.Contains(description))
                {
                    Erp.CreateRecord("assets", Fields(
                        ("description", description), ("serialNo", $"HP-{project["number"]}-{unit}"), ("itemNo", "HP-200"),
                        ("customerId", project["customerId"]?.DeepClone()), ("projectId", project["id"]?.DeepClone()), ("installedDate", "2027-06-28")));
                    actions++;
                }
            }
        }

        return actions + MoveProjects("SubstantiallyComplete", static (_, fields) => fields["substantialCompletionDate"] = "2027-06-30");
    }

    private int ActivateWarranties()
    {
        var actions = 0;
        var assets = ByText(Erp.GetRecords("assets"), "description");
        var contracts = Erp.GetRecords("contracts").ToDictionary(static c => c["id"]!.GetValue<string>(), static c => c["description"]?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal);
        foreach (var entitlement in Erp.GetRecords("entitlements").Where(static e => e["kind"]?.GetValue<string>() == "Warranty" && e["status"]?.GetValue<string>() != "Active"))
        {
            var title = contracts.GetValueOrDefault(entitlement["contractId"]?.GetValue<string>() ?? string.Empty, string.Empty);
            if (assets.TryGetValue($"Heat pump 1 of {title}", out var asset))
            {
                Erp.UpdateRecord("entitlements", entitlement["id"]!.GetValue<string>(), Fields(("status", "Active"), ("assetId", asset["id"]!.GetValue<string>())));
                actions++;
            }
        }

        return actions;
    }

    private int WorkOrders(string? from, string to)
    {
        var actions = 0;
        if (from is null)
        {
            var orders = ByText(Service.GetRecords("wm_order"), "short_description");
            var companies = Service.GetRecords("core_company").ToDictionary(static c => c["sys_id"]!.GetValue<string>(), StringComparer.Ordinal);
            var assets = ByText(Service.GetRecords("alm_asset"), "display_name");
            foreach (var project in Service.GetRecords("pm_project"))
            {
                var name = project["short_description"]?.GetValue<string>() ?? string.Empty;
                var summary = $"Warranty visit for {name}";
                if (orders.ContainsKey(summary) || !assets.TryGetValue($"Heat pump 1 of {name}", out var asset)
                    || project["company"]?.GetValue<string>() is not { } company || !companies.ContainsKey(company))
                {
                    continue;
                }

                Service.CreateRecord("wm_order", Fields(
                    ("short_description", summary), ("company", company), ("u_project", project["sys_id"]!.GetValue<string>()),
                    ("asset", asset["sys_id"]!.GetValue<string>()), ("state", to), ("priority", "3")));
                actions++;
            }

            return actions;
        }

        foreach (var order in Service.GetRecords("wm_order").Where(o => o["state"]?.GetValue<string>() == from))
        {
            var fields = Fields(("state", to));
            if (to == "completed")
            {
                fields["work_end"] = "2027-07-02 15:30:00";
            }

            Service.UpdateRecord("wm_order", order["sys_id"]!.GetValue<string>(), fields);
            actions++;
        }

        return actions;
    }

    private int PostInvoicesInErp()
    {
        var actions = 0;
        var invoiced = Erp.GetRecords("salesInvoices").Select(static i => i["workOrderId"]?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var order in Erp.GetRecords("workOrders").Where(static w => w["status"]?.GetValue<string>() == "Completed"))
        {
            var id = order["id"]!.GetValue<string>();
            if (invoiced.Contains(id))
            {
                continue;
            }

            Erp.CreateRecord("salesInvoices", Fields(
                ("customerId", order["customerId"]?.DeepClone()), ("projectId", order["projectId"]?.DeepClone()), ("workOrderId", id),
                ("invoiceDate", "2027-07-03"), ("dueDate", "2027-08-02"), ("currencyCode", "EUR"),
                ("totalAmountExcludingTax", 1200.00m), ("totalTaxAmount", 228.00m), ("totalAmountIncludingTax", 1428.00m), ("status", "Open")));
            actions++;
        }

        return actions;
    }
}
