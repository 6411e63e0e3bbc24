using System.Text.Json.Nodes;

namespace Connectivity.Testing.Fixtures;

public static partial class VendorPayloads
{
    /// <summary>
    /// Payloads of the simulated ERP (Business Central API v2.0 style): <c>@odata.etag</c>, a GUID <c>id</c>, a
    /// <c>number</c>, <c>lastModifiedDateTime</c> and <c>externalNo</c>, with decimals as JSON numbers and the empty
    /// strings and zero GUIDs Business Central sends for unset fields.
    /// </summary>
    public static class Erp
    {
        /// <summary>Gets a <c>customers</c> record (<c>erp/customer</c>).</summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject Customer() => GetJson("erp/customer");

        /// <summary>Gets a <c>projects</c> record (<c>erp/project</c>) of the customer.</summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject Project() => GetJson("erp/project");

        /// <summary>Gets a <c>salesInvoices</c> record (<c>erp/sales-invoice</c>), open, of the customer.</summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject SalesInvoice() => GetJson("erp/sales-invoice");

        /// <summary>
        /// Gets an OData page of customers (<c>erp/customers-page</c>): <c>@odata.context</c>, two records in
        /// <c>value</c> and an <c>@odata.nextLink</c> with <c>$skiptoken</c>.
        /// </summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject CustomersPage() => GetJson("erp/customers-page");

        /// <summary>Gets a webhook envelope (<c>erp/webhook</c>): <c>customers.updated</c> with the customer as <c>data</c>.</summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject Webhook() => GetJson("erp/webhook");
    }
}
