using System.Text.Json.Nodes;

namespace Connectivity.Testing.Fixtures;

public static partial class VendorPayloads
{
    /// <summary>
    /// Payloads of the simulated service platform (ServiceNow Table API style): every value a string (numbers and
    /// decimals too, empty for unset), <c>sys_id</c>, <c>number</c>, <c>sys_created_on</c>, <c>sys_updated_on</c> and
    /// <c>sys_mod_count</c>, references as <c>sys_id</c>s and <c>u_</c> custom fields. Records are the content of
    /// <c>result</c>.
    /// </summary>
    public static class Service
    {
        /// <summary>Gets a <c>wm_order</c> record (<c>service/work-order</c>) with plain string values.</summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject WorkOrder() => GetJson("service/work-order");

        /// <summary>
        /// Gets the same work order read with <c>sysparm_display_value=all</c> (<c>service/work-order-display-values</c>):
        /// every field <c>{"display_value", "value"}</c>, reference fields with a <c>link</c>.
        /// </summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject WorkOrderDisplayValues() => GetJson("service/work-order-display-values");

        /// <summary>Gets an <c>alm_asset</c> record (<c>service/asset</c>): the chiller the work order is about.</summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject Asset() => GetJson("service/asset");

        /// <summary>Gets a <c>service_entitlement</c> record (<c>service/entitlement</c>) for the asset.</summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject Entitlement() => GetJson("service/entitlement");

        /// <summary>Gets a webhook envelope (<c>service/webhook</c>): <c>wm_order.updated</c> with the work order as <c>data</c>.</summary>
        /// <returns>A fresh copy.</returns>
        public static JsonObject Webhook() => GetJson("service/webhook");
    }
}
