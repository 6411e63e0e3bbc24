using System.Buffers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Connectivity.Benchmarks.Mapping;

/// <summary>The DOM way with Newtonsoft.Json: <see cref="JObject.Load(JsonReader)"/> (dates left as text), a hand-built <see cref="JObject"/>, <see cref="JToken.ToString(Formatting, JsonConverter[])"/>.</summary>
public sealed class NewtonsoftAccountMapper
{
    /// <summary>Maps one account.</summary>
    /// <param name="source">The account, UTF-8 JSON.</param>
    /// <param name="destination">Receives the ERP customer.</param>
    public void Map(ReadOnlySpan<byte> source, IBufferWriter<byte> destination)
    {
        JObject account;
        using (var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(source))) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal })
        {
            account = JObject.Load(reader);
        }

        var target = new JObject();
        var id = Text(account, "Id") ?? throw new FormatException("Id is required.");
        target["externalId"] = id;
        Copy(target, "number", account, "AccountNumber");
        var name = Text(account, "Name") is { } rawName ? AccountRules.Trim(rawName) : null;
        target["name"] = string.IsNullOrEmpty(name) ? throw new FormatException("Name is required.") : name;
        if (Text(account, "Type") is { } type)
        {
            target["category"] = AccountRules.Category(type);
        }

        if (Text(account, "Payment_Terms__c") is { } terms)
        {
            target["paymentTermsCode"] = AccountRules.PaymentTermsCode(terms);
        }

        if (Text(account, "Credit_Limit__c") is { } credit)
        {
            target["creditLimit"] = AccountRules.Decimal(credit);
        }

        if (Text(account, "CurrencyIsoCode") is { } currency)
        {
            target["currency"] = currency.ToUpperInvariant();
        }

        Copy(target, "taxId", account, "Tax_Id__c");
        Copy(target, "phone", account, "Phone");
        Copy(target, "website", account, "Website");
        target["isActive"] = Text(account, "Status__c") == "Active";
        if (Text(account, "CreatedDate") is { } created)
        {
            target["createdAt"] = AccountRules.DateTime(created);
        }

        if (Text(account, "Customer_Since__c") is { } since)
        {
            target["customerSince"] = AccountRules.Date(since);
        }

        var addresses = new JArray();
        AddAddress(addresses, account["BillingAddress"] as JObject, "billing", isBilling: true);
        AddAddress(addresses, account["ShippingAddress"] as JObject, "shipping", isBilling: false);
        target["addresses"] = addresses;

        if ((account["Contacts"] as JObject)?["records"] is JArray records)
        {
            var contacts = new JArray();
            foreach (var record in records)
            {
                if (record is not JObject contact)
                {
                    continue;
                }

                var element = new JObject();
                if (AccountRules.FullName(Text(contact, "FirstName"), Text(contact, "LastName")) is { } fullName)
                {
                    element["fullName"] = fullName;
                }

                if (Text(contact, "Email") is { } email)
                {
                    element["email"] = email.ToLowerInvariant();
                }

                Copy(element, "phone", contact, "Phone");
                Copy(element, "jobTitle", contact, "Title");
                contacts.Add(element);
            }

            target["contacts"] = contacts;
        }

        var json = target.ToString(Formatting.None);
        var span = destination.GetSpan(Encoding.UTF8.GetMaxByteCount(json.Length));
        destination.Advance(Encoding.UTF8.GetBytes(json, span));
    }

    private static void AddAddress(JArray addresses, JObject? address, string type, bool isBilling)
    {
        if (address is null || Text(address, "street") is null)
        {
            return;
        }

        var element = new JObject { ["type"] = type };
        Copy(element, "line1", address, "street");
        Copy(element, "city", address, "city");
        Copy(element, "region", address, "state");
        Copy(element, "postalCode", address, "postalCode");
        Copy(element, "country", address, "country");
        element["isDefaultBilling"] = isBilling;
        element["isDefaultShipping"] = !isBilling;
        addresses.Add(element);
    }

    private static string? Text(JObject node, string name)
        => node[name] is JValue { Type: JTokenType.String } value ? AccountRules.Sentinel((string?)value.Value) : null;

    private static void Copy(JObject target, string targetName, JObject source, string sourceName)
    {
        if (Text(source, sourceName) is { } text)
        {
            target[targetName] = text;
        }
    }
}
