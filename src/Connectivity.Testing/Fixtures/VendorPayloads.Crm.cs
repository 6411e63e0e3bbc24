using System.Text.Json.Nodes;

namespace Connectivity.Testing.Fixtures;

public static partial class VendorPayloads
{
    /// <summary>
    /// Payloads of the simulated CRM (Salesforce REST API v60.0 style): <c>attributes</c>, an 18-character <c>Id</c>,
    /// <c>CreatedDate</c>, <c>LastModifiedDate</c> and <c>SystemModstamp</c> with <c>+0000</c>, standard fields with their
    /// nulls, picklists and <c>__c</c> custom fields.
    /// </summary>
    public static class Crm
    {
        /// <summary>Gets an <c>Account</c> (<c>crm/account</c>): a direct customer with a compound billing address and custom fields.</summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject Account() => GetJson("crm/account");

        /// <summary>Gets an <c>Opportunity</c> (<c>crm/opportunity</c>), closed won, of the account.</summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject Opportunity() => GetJson("crm/opportunity");

        /// <summary>Gets an <c>Invoice__c</c> custom-object record (<c>crm/invoice</c>) of the account and opportunity.</summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject Invoice() => GetJson("crm/invoice");

        /// <summary>
        /// Gets a query page (<c>crm/query-page</c>): <c>totalSize</c>, <c>done</c> <see langword="false"/>, a
        /// <c>nextRecordsUrl</c> and two accounts in <c>records</c>.
        /// </summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject QueryPage() => GetJson("crm/query-page");

        /// <summary>Gets a webhook envelope (<c>crm/webhook</c>): <c>Account.updated</c> with the account as <c>data</c>.</summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject Webhook() => GetJson("crm/webhook");
    }
}
