using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Connectivity.Benchmarks.Mapping;

/// <summary>
/// Salesforce-like account records in the shape of the fixture <c>crm-account.json</c>, generated from a fixed seed
/// and serialized once, so every run and every contender sees the same bytes.
/// </summary>
public static class AccountWorkload
{
    /// <summary>The seed every run uses.</summary>
    public const int Seed = 20261125;

    private static readonly string[] Companies =
    [
        "Nordwind Facility Services", "Hanseatic Building Care", "Alpen Kältetechnik", "Rhein-Main Elevators", "Søren & Co. Maintenance",
        "Baltic Harbour Logistics", "Müller \"Bau\" GmbH", "Lumière Énergie SARL", "Castellano Impianti", "Brightwater Utilities",
        "Öresund Property Group", "Kraków Heating Solutions", "Atlas Field Service", "Greenline HVAC", "Pinnacle Towers Ltd",
    ];

    private static readonly string[] Suffixes = ["", " North", " South", " Holding", " Services", " International", " (EU)"];
    private static readonly string[] Types = ["Customer - Direct", "Customer - Channel", "Partner", "Prospect"];
    private static readonly string[] UnmappedTypes = ["Reseller", "Other", "Installation Partner"];
    private static readonly string[] PaymentTerms = ["Net 15", "Net 30", "Net 60", "Due on receipt"];
    private static readonly string[] UnmappedPaymentTerms = ["Net 45", "Net 90", "2/10 Net 30"];
    private static readonly string[] Currencies = ["eur", "EUR", "usd", "USD", "gbp", "chf", "SEK", "pln"];
    private static readonly string[] Statuses = ["Active", "Active", "Active", "Inactive", "Prospect", "On Hold"];
    private static readonly string[] Industries = ["Construction", "Manufacturing", "Retail", "Healthcare", "Energy", "Logistics", "Real Estate"];
    private static readonly string[] Ratings = ["Hot", "Warm", "Cold"];
    private static readonly string[] Regions = ["DACH", "Nordics", "Benelux", "Iberia", "CEE", "UNKNOWN"];
    private static readonly string[] Streets = ["Am Sandtorkai 1", "Hafenstraße 7", "Königsallee 92a", "Rue de Rivoli 14", "Via Torino 3", "Kungsgatan 44", "ul. Floriańska 12", "1 Canada Square"];
    private static readonly string[] Cities = ["Hamburg", "Düsseldorf", "Paris", "Milano", "Stockholm", "Kraków", "London", "Wien"];
    private static readonly string[] States = ["HH", "NW", "IDF", "MI", "AB", "MA", "LND", "W"];
    private static readonly string[] Countries = ["DE", "DE", "FR", "IT", "SE", "PL", "GB", "AT"];
    private static readonly string[] FirstNames = ["Jana", "Lars", "Chidi", "Émilie", "Sören", "Aleksandra", "Giulia", "Tom", "Ana", "Björn"];
    private static readonly string[] LastNames = ["Krüger", "Okafor", "Eriksen", "Dubois", "Nowak", "Rossi", "O'Brien", "García", "Lindqvist", "Schmidt"];
    private static readonly string[] Titles = ["AP Manager", "Site Manager", "Facility Lead", "CFO", "Procurement", "Head of Operations"];
    private static readonly string[] Words =
    [
        "facility", "services", "harbour-front", "offices", "maintenance", "contract", "renewal", "escalation", "quarterly", "review",
        "Kälteanlage", "Aufzug", "prioritäre", "Wartung", "énergie", "chauffage", "spółka", "tower", "elevator", "HVAC", "SLA", "24/7",
        "on-site", "inspection", "certificate", "portfolio", "€", "—", "ÅÄÖ",
    ];

    /// <summary>Creates <paramref name="count"/> records, each serialized to UTF-8 JSON.</summary>
    /// <param name="count">How many records.</param>
    /// <param name="seed">The random seed; the default is <see cref="Seed"/>.</param>
    /// <returns>The records.</returns>
    public static byte[][] Create(int count = 1000, int seed = Seed)
    {
        var random = new Random(seed);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var records = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            WriteAccount(writer, random, i);
            writer.Flush();
            records[i] = buffer.WrittenSpan.ToArray();
        }

        return records;
    }

    private static void WriteAccount(Utf8JsonWriter w, Random r, int index)
    {
        var id = SalesforceId(r, "001");
        w.WriteStartObject();
        w.WriteStartObject("attributes");
        w.WriteString("type", "Account");
        w.WriteString("url", "/services/data/v59.0/sobjects/Account/" + id);
        w.WriteEndObject();
        w.WriteString("Id", id);
        w.WriteBoolean("IsDeleted", false);

        var name = Pick(r, Companies) + Pick(r, Suffixes);
        w.WriteString("Name", Chance(r, 0.25) ? "  " + name + " " : name);
        if (Chance(r, 0.05))
        {
            w.WriteNull("AccountNumber");
        }
        else
        {
            w.WriteString("AccountNumber", "C-" + (10000 + index).ToString(CultureInfo.InvariantCulture));
        }

        WriteType(w, r);
        w.WriteString("Industry", Pick(r, Industries));
        w.WriteString("Rating", Pick(r, Ratings));
        var phone = r.NextDouble();
        if (phone < 0.1)
        {
            w.WriteNull("Phone");
        }
        else if (phone < 0.2)
        {
            w.WriteString("Phone", string.Empty);
        }
        else
        {
            w.WriteString("Phone", PhoneNumber(r));
        }

        w.WriteNull("Fax");
        w.WriteString("Website", "https://" + name.Split(' ')[0].ToLowerInvariant().Replace("\"", string.Empty, StringComparison.Ordinal) + index.ToString(CultureInfo.InvariantCulture) + ".example");
        w.WriteNumber("NumberOfEmployees", r.Next(5, 20000));
        w.WritePropertyName("AnnualRevenue");
        w.WriteRawValue(r.Next(100_000, 900_000_000).ToString(CultureInfo.InvariantCulture) + (Chance(r, 0.5) ? ".5" : string.Empty));

        var terms = r.NextDouble();
        if (terms < 0.05)
        {
            w.WriteNull("Payment_Terms__c");
        }
        else
        {
            w.WriteString("Payment_Terms__c", terms < 0.15 ? Pick(r, UnmappedPaymentTerms) : Pick(r, PaymentTerms));
        }

        var credit = r.NextDouble();
        if (credit < 0.1)
        {
            // Absent.
        }
        else if (credit < 0.2)
        {
            w.WriteNull("Credit_Limit__c");
        }
        else
        {
            w.WriteString("Credit_Limit__c", CreditLimit(r));
        }

        w.WriteString("CurrencyIsoCode", Pick(r, Currencies));
        w.WriteString("Status__c", Pick(r, Statuses));
        w.WriteString("Tax_Id__c", Pick(r, Countries) + r.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        w.WriteString("Region__c", Pick(r, Regions));
        var since = new DateTime(2005, 1, 1).AddDays(r.Next(0, 7000));
        w.WriteString("Customer_Since__c", since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var created = new DateTime(2020, 1, 1).AddSeconds(r.Next(0, 150_000_000));
        w.WriteString("CreatedDate", SalesforceDateTime(created, Chance(r, 0.8) ? 0 : r.Next(1, 1000)));
        var modified = created.AddSeconds(r.Next(0, 10_000_000));
        w.WriteString("LastModifiedDate", SalesforceDateTime(modified, 0));
        w.WriteString("SystemModstamp", SalesforceDateTime(modified.AddSeconds(r.Next(0, 100)), 0));
        w.WriteString("OwnerId", SalesforceId(r, "005"));
        w.WriteString("Description", Description(r));

        WriteNoise(w, r);

        w.WriteStartObject("BillingAddress");
        w.WriteString("street", Pick(r, Streets));
        WriteAddressTail(w, r);
        w.WriteNull("latitude");
        w.WriteNull("longitude");
        w.WriteEndObject();

        var shipping = r.NextDouble();
        if (shipping < 0.3)
        {
            w.WriteNull("ShippingAddress");
        }
        else
        {
            w.WriteStartObject("ShippingAddress");
            if (shipping < 0.4)
            {
                w.WriteNull("street");
            }
            else
            {
                w.WriteString("street", Pick(r, Streets));
            }

            WriteAddressTail(w, r);
            w.WriteEndObject();
        }

        WriteContacts(w, r);
        w.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter w, Random r)
    {
        var roll = r.NextDouble();
        if (roll < 0.03)
        {
            w.WriteNull("Type");
            return;
        }

        if (roll < 0.13)
        {
            w.WriteString("Type", Pick(r, UnmappedTypes));
            return;
        }

        var type = Pick(r, Types);
        w.WriteString("Type", r.Next(3) switch
        {
            0 => type,
            1 => type.ToLowerInvariant(),
            _ => type.ToUpperInvariant(),
        });
    }

    private static void WriteAddressTail(Utf8JsonWriter w, Random r)
    {
        var at = r.Next(Cities.Length);
        w.WriteString("city", Cities[at]);
        if (Chance(r, 0.2))
        {
            w.WriteNull("state");
        }
        else
        {
            w.WriteString("state", States[at]);
        }

        w.WriteString("postalCode", r.Next(10000, 99999).ToString(CultureInfo.InvariantCulture));
        w.WriteString("country", Countries[at]);
    }

    private static void WriteContacts(Utf8JsonWriter w, Random r)
    {
        var count = r.Next(1, 6);
        w.WriteStartObject("Contacts");
        w.WriteNumber("totalSize", count);
        w.WriteBoolean("done", true);
        w.WriteStartArray("records");
        for (var i = 0; i < count; i++)
        {
            var id = SalesforceId(r, "003");
            w.WriteStartObject();
            w.WriteStartObject("attributes");
            w.WriteString("type", "Contact");
            w.WriteString("url", "/services/data/v59.0/sobjects/Contact/" + id);
            w.WriteEndObject();
            w.WriteString("Id", id);
            var first = Pick(r, FirstNames);
            var last = Pick(r, LastNames);
            if (Chance(r, 0.15))
            {
                w.WriteNull("FirstName");
            }
            else
            {
                w.WriteString("FirstName", first);
            }

            w.WriteString("LastName", last);
            var email = r.NextDouble();
            if (email < 0.1)
            {
                w.WriteNull("Email");
            }
            else if (email < 0.2)
            {
                w.WriteString("Email", string.Empty);
            }
            else
            {
                var local = first + "." + last.Replace("'", string.Empty, StringComparison.Ordinal);
                w.WriteString("Email", (Chance(r, 0.5) ? local : local.ToLowerInvariant()) + "@" + (Chance(r, 0.5) ? "Example.COM" : "example.com"));
            }

            if (Chance(r, 0.4))
            {
                w.WriteNull("Phone");
            }
            else
            {
                w.WriteString("Phone", PhoneNumber(r));
            }

            if (Chance(r, 0.2))
            {
                w.WriteNull("Title");
            }
            else
            {
                w.WriteString("Title", Pick(r, Titles));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNoise(Utf8JsonWriter w, Random r)
    {
        var count = r.Next(5, 9);
        var start = r.Next(0, 8);
        for (var i = 0; i < count; i++)
        {
            switch ((start + i) % 8)
            {
                case 0:
                    w.WriteString("Legacy_Code__c", "LC-" + r.Next(1000, 9999).ToString(CultureInfo.InvariantCulture));
                    break;
                case 1:
                    w.WriteNumber("Health_Score__c", r.Next(0, 1000) / 10m);
                    break;
                case 2:
                    w.WriteStartArray("Tags__c");
                    for (var t = r.Next(1, 5); t > 0; t--)
                    {
                        w.WriteStringValue(Pick(r, Words));
                    }

                    w.WriteEndArray();
                    break;
                case 3:
                    w.WriteStartObject("Marketing__c");
                    w.WriteString("segment", Pick(r, Industries));
                    w.WriteBoolean("optIn", Chance(r, 0.5));
                    w.WriteStartObject("campaign");
                    w.WriteString("id", SalesforceId(r, "701"));
                    w.WriteNumber("touches", r.Next(0, 40));
                    w.WriteEndObject();
                    w.WriteEndObject();
                    break;
                case 4:
                    w.WriteBoolean("IsPartner", Chance(r, 0.2));
                    break;
                case 5:
                    w.WriteString("PhotoUrl", "/services/images/photo/" + SalesforceId(r, "001"));
                    break;
                case 6:
                    w.WriteNull("Jigsaw");
                    break;
                default:
                    w.WriteStartArray("Service_Contracts__c");
                    for (var c = r.Next(1, 4); c > 0; c--)
                    {
                        w.WriteStartObject();
                        w.WriteString("number", "SC-" + r.Next(100000, 999999).ToString(CultureInfo.InvariantCulture));
                        w.WriteNumber("value", r.Next(1000, 500000));
                        w.WriteString("endsOn", new DateTime(2025, 1, 1).AddDays(r.Next(0, 1500)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    break;
            }
        }
    }

    private static string Description(Random r)
    {
        var words = r.Next(45, 100);
        var text = new System.Text.StringBuilder(words * 9);
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            if (Chance(r, 0.03))
            {
                text.Append('"').Append(Pick(r, Words)).Append('"');
            }
            else
            {
                text.Append(Pick(r, Words));
            }

            if (Chance(r, 0.08))
            {
                text.Append(i % 2 == 0 ? ';' : '.');
            }
        }

        return text.ToString();
    }

    private static string CreditLimit(Random r)
    {
        var whole = r.Next(0, 5) switch
        {
            0 => r.Next(1, 999) * 1000,
            1 => r.Next(1000, 100_000),
            2 => r.Next(100_000, 10_000_000),
            _ => r.Next(1, 500) * 500,
        };

        return r.Next(0, 4) switch
        {
            0 => whole.ToString(CultureInfo.InvariantCulture),
            1 => whole.ToString(CultureInfo.InvariantCulture) + ".00",
            2 => whole.ToString(CultureInfo.InvariantCulture) + "." + r.Next(0, 100).ToString("00", CultureInfo.InvariantCulture),
            _ => whole.ToString(CultureInfo.InvariantCulture) + ".5",
        };
    }

    private static string SalesforceDateTime(DateTime time, int milliseconds)
        => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + milliseconds.ToString("000", CultureInfo.InvariantCulture) + "+0000";

    private static string PhoneNumber(Random r)
        => "+49 " + r.Next(20, 99).ToString(CultureInfo.InvariantCulture) + " " + r.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);

    private static string SalesforceId(Random r, string prefix)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        Span<char> id = stackalloc char[18];
        prefix.CopyTo(id);
        for (var i = prefix.Length; i < id.Length; i++)
        {
            id[i] = Alphabet[r.Next(Alphabet.Length)];
        }

        return new string(id);
    }

    private static T Pick<T>(Random r, T[] values) => values[r.Next(values.Length)];

    private static bool Chance(Random r, double probability) => r.NextDouble() < probability;
}
