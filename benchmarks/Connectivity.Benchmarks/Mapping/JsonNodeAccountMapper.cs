using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connectivity.Benchmarks.Mapping;

/// <summary>The DOM way with System.Text.Json: <see cref="JsonNode.Parse(ReadOnlySpan{byte}, JsonNodeOptions?, JsonDocumentOptions)"/>, then a <see cref="JsonObject"/> built by hand.</summary>
public sealed class JsonNodeAccountMapper
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private readonly Utf8JsonWriter _writer = new(Stream.Null, WriterOptions);

    /// <summary>Maps one account.</summary>
    /// <param name="source">The account, UTF-8 JSON.</param>
    /// <param name="destination">Receives the ERP customer.</param>
    public void Map(ReadOnlySpan<byte> source, IBufferWriter<byte> destination)
    {
        var account = JsonNode.Parse(source)!.AsObject();
        var target = new JsonObject();
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

        var addresses = new JsonArray();
        AddAddress(addresses, account["BillingAddress"] as JsonObject, "billing", isBilling: true);
        AddAddress(addresses, account["ShippingAddress"] as JsonObject, "shipping", isBilling: false);
        target["addresses"] = addresses;

        if ((account["Contacts"] as JsonObject)?["records"] is JsonArray records)
        {
            var contacts = new JsonArray();
            foreach (var record in records)
            {
                if (record is not JsonObject contact)
                {
                    continue;
                }

                var element = new JsonObject();
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

        _writer.Reset(destination);
        target.WriteTo(_writer);
        _writer.Flush();
    }

    private static void AddAddress(JsonArray addresses, JsonObject? address, string type, bool isBilling)
    {
        if (address is null || Text(address, "street") is null)
        {
            return;
        }

        var element = new JsonObject { ["type"] = type };
        Copy(element, "line1", address, "street");
        Copy(element, "city", address, "city");
        Copy(element, "region", address, "state");
        Copy(element, "postalCode", address, "postalCode");
        Copy(element, "country", address, "country");
        element["isDefaultBilling"] = isBilling;
        element["isDefaultShipping"] = !isBilling;
        addresses.Add(element);
    }

    private static string? Text(JsonObject node, string name)
        => node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? AccountRules.Sentinel(value.GetValue<string>()) : null;

    private static void Copy(JsonObject target, string targetName, JsonObject source, string sourceName)
    {
        if (Text(source, sourceName) is { } text)
        {
            target[targetName] = text;
        }
    }
}
