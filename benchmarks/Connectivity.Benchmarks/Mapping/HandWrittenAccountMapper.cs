using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Connectivity.Benchmarks.Mapping;

/// <summary>
/// The baseline: what a careful engineer writes by hand for crm-account-to-erp-customer.map.json. One forward pass
/// with <see cref="Utf8JsonReader"/> that remembers where each wanted value is (the target's field order differs
/// from the source's), then one <see cref="Utf8JsonWriter"/> pass with pre-encoded names. No DOM, no strings for
/// ASCII values. Not thread-safe: one instance per thread.
/// </summary>
public sealed class HandWrittenAccountMapper
{
    private const int MaxContacts = 64;

    private static readonly JsonEncodedText ExternalId = JsonEncodedText.Encode("externalId");
    private static readonly JsonEncodedText Number = JsonEncodedText.Encode("number");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
    private static readonly JsonEncodedText PaymentTermsCode = JsonEncodedText.Encode("paymentTermsCode");
    private static readonly JsonEncodedText CreditLimit = JsonEncodedText.Encode("creditLimit");
    private static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText TaxId = JsonEncodedText.Encode("taxId");
    private static readonly JsonEncodedText Phone = JsonEncodedText.Encode("phone");
    private static readonly JsonEncodedText Website = JsonEncodedText.Encode("website");
    private static readonly JsonEncodedText IsActive = JsonEncodedText.Encode("isActive");
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("createdAt");
    private static readonly JsonEncodedText CustomerSince = JsonEncodedText.Encode("customerSince");
    private static readonly JsonEncodedText Addresses = JsonEncodedText.Encode("addresses");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Billing = JsonEncodedText.Encode("billing");
    private static readonly JsonEncodedText Shipping = JsonEncodedText.Encode("shipping");
    private static readonly JsonEncodedText Line1 = JsonEncodedText.Encode("line1");
    private static readonly JsonEncodedText City = JsonEncodedText.Encode("city");
    private static readonly JsonEncodedText Region = JsonEncodedText.Encode("region");
    private static readonly JsonEncodedText PostalCode = JsonEncodedText.Encode("postalCode");
    private static readonly JsonEncodedText Country = JsonEncodedText.Encode("country");
    private static readonly JsonEncodedText IsDefaultBilling = JsonEncodedText.Encode("isDefaultBilling");
    private static readonly JsonEncodedText IsDefaultShipping = JsonEncodedText.Encode("isDefaultShipping");
    private static readonly JsonEncodedText Contacts = JsonEncodedText.Encode("contacts");
    private static readonly JsonEncodedText FullName = JsonEncodedText.Encode("fullName");
    private static readonly JsonEncodedText Email = JsonEncodedText.Encode("email");
    private static readonly JsonEncodedText JobTitle = JsonEncodedText.Encode("jobTitle");

    private static readonly JsonEncodedText[] CategoryCodes = [JsonEncodedText.Encode("DIRECT"), JsonEncodedText.Encode("CHANNEL"), JsonEncodedText.Encode("PARTNER"), JsonEncodedText.Encode("PROSPECT")];
    private static readonly JsonEncodedText OtherCategory = JsonEncodedText.Encode("OTHER");
    private static readonly JsonEncodedText[] PaymentTermsCodes = [JsonEncodedText.Encode("NET15"), JsonEncodedText.Encode("NET30"), JsonEncodedText.Encode("NET60"), JsonEncodedText.Encode("DUE")];
    private static readonly JsonEncodedText DefaultPaymentTerms = JsonEncodedText.Encode("NET30");

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly Utf8JsonWriter _writer = new(Stream.Null, WriterOptions);
    private readonly Contact[] _contacts = new Contact[MaxContacts];
    private byte[] _scratch = new byte[1024];
    private int _scratchLength;
    private Account _account;
    private int _contactCount;

    private enum Kind : byte
    {
        Absent,
        Null,
        String,
        Number,
        True,
        False,
    }

    /// <summary>Maps one account; returns false (writing nothing) when the record has no Id or no Name.</summary>
    /// <param name="source">The account, UTF-8 JSON.</param>
    /// <param name="destination">Receives the ERP customer.</param>
    /// <returns>Whether the record mapped.</returns>
    public bool Map(ReadOnlySpan<byte> source, IBufferWriter<byte> destination)
    {
        _account = default;
        _contactCount = 0;
        _scratchLength = 0;
        Read(source);

        var name = Trim(Bytes(source, _account.Name));
        if (IsBlank(source, _account.Id) || _account.Name.Kind != Kind.String || name.IsEmpty)
        {
            return false;
        }

        var w = _writer;
        w.Reset(destination);
        w.WriteStartObject();
        WriteCopy(w, source, ExternalId, _account.Id);
        WriteCopy(w, source, Number, _account.AccountNumber);
        w.WriteString(Name, name);
        WriteCategory(w, source);
        WritePaymentTerms(w, source);
        WriteCreditLimit(w, source);
        WriteCurrency(w, source);
        WriteCopy(w, source, TaxId, _account.TaxId);
        WriteCopy(w, source, Phone, _account.Phone);
        WriteCopy(w, source, Website, _account.Website);
        w.WriteBoolean(IsActive, _account.Status.Kind == Kind.String && Bytes(source, _account.Status).SequenceEqual("Active"u8));
        WriteDateTime(w, source, CreatedAt, _account.CreatedDate);
        WriteDate(w, source, CustomerSince, _account.CustomerSince);

        w.WriteStartArray(Addresses);
        WriteAddress(w, source, in _account.Billing, Billing, isBilling: true);
        WriteAddress(w, source, in _account.Shipping, Shipping, isBilling: false);
        w.WriteEndArray();

        if (_account.HasContactRecords)
        {
            w.WriteStartArray(Contacts);
            for (var i = 0; i < _contactCount; i++)
            {
                WriteContact(w, source, in _contacts[i]);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.Flush();
        return true;
    }

    private void Read(ReadOnlySpan<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            ref var a = ref _account;
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("Id"u8):
                    a.Id = Capture(ref reader);
                    continue;
                case 4 when name.SequenceEqual("Name"u8):
                    a.Name = Capture(ref reader);
                    continue;
                case 4 when name.SequenceEqual("Type"u8):
                    a.Type = Capture(ref reader);
                    continue;
                case 5 when name.SequenceEqual("Phone"u8):
                    a.Phone = Capture(ref reader);
                    continue;
                case 7 when name.SequenceEqual("Website"u8):
                    a.Website = Capture(ref reader);
                    continue;
                case 8 when name.SequenceEqual("Contacts"u8):
                    ReadContacts(ref reader);
                    continue;
                case 9 when name.SequenceEqual("Tax_Id__c"u8):
                    a.TaxId = Capture(ref reader);
                    continue;
                case 9 when name.SequenceEqual("Status__c"u8):
                    a.Status = Capture(ref reader);
                    continue;
                case 11 when name.SequenceEqual("CreatedDate"u8):
                    a.CreatedDate = Capture(ref reader);
                    continue;
                case 13 when name.SequenceEqual("AccountNumber"u8):
                    a.AccountNumber = Capture(ref reader);
                    continue;
                case 14 when name.SequenceEqual("BillingAddress"u8):
                    ReadAddress(ref reader, ref a.Billing);
                    continue;
                case 15 when name.SequenceEqual("ShippingAddress"u8):
                    ReadAddress(ref reader, ref a.Shipping);
                    continue;
                case 15 when name.SequenceEqual("Credit_Limit__c"u8):
                    a.CreditLimit = Capture(ref reader);
                    continue;
                case 15 when name.SequenceEqual("CurrencyIsoCode"u8):
                    a.Currency = Capture(ref reader);
                    continue;
                case 16 when name.SequenceEqual("Payment_Terms__c"u8):
                    a.PaymentTerms = Capture(ref reader);
                    continue;
                case 17 when name.SequenceEqual("Customer_Since__c"u8):
                    a.CustomerSince = Capture(ref reader);
                    continue;
            }

            reader.TrySkip();
        }
    }

    private void ReadAddress(ref Utf8JsonReader reader, ref Address address)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.TrySkip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            switch (name.Length)
            {
                case 4 when name.SequenceEqual("city"u8):
                    address.City = Capture(ref reader);
                    continue;
                case 5 when name.SequenceEqual("state"u8):
                    address.State = Capture(ref reader);
                    continue;
                case 6 when name.SequenceEqual("street"u8):
                    address.Street = Capture(ref reader);
                    continue;
                case 7 when name.SequenceEqual("country"u8):
                    address.Country = Capture(ref reader);
                    continue;
                case 10 when name.SequenceEqual("postalCode"u8):
                    address.PostalCode = Capture(ref reader);
                    continue;
            }

            reader.TrySkip();
        }
    }

    private void ReadContacts(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.TrySkip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isRecords = reader.ValueTextEquals("records"u8);
            reader.Read();
            if (!isRecords || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.TrySkip();
                continue;
            }

            _account.HasContactRecords = true;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject || _contactCount == MaxContacts)
                {
                    reader.TrySkip();
                    continue;
                }

                ref var contact = ref _contacts[_contactCount++];
                contact = default;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.ValueSpan;
                    reader.Read();
                    switch (name.Length)
                    {
                        case 5 when name.SequenceEqual("Email"u8):
                            contact.Email = Capture(ref reader);
                            continue;
                        case 5 when name.SequenceEqual("Phone"u8):
                            contact.Phone = Capture(ref reader);
                            continue;
                        case 5 when name.SequenceEqual("Title"u8):
                            contact.Title = Capture(ref reader);
                            continue;
                        case 8 when name.SequenceEqual("LastName"u8):
                            contact.LastName = Capture(ref reader);
                            continue;
                        case 9 when name.SequenceEqual("FirstName"u8):
                            contact.FirstName = Capture(ref reader);
                            continue;
                    }

                    reader.TrySkip();
                }
            }
        }
    }

    /// <summary>Remembers where a scalar is: unescaped strings point into the record, escaped ones are copied to scratch.</summary>
    private Value Capture(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when !reader.ValueIsEscaped:
                return new Value(Kind.String, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, false);
            case JsonTokenType.String:
                var span = Reserve(reader.ValueSpan.Length, out var start);
                var written = reader.CopyString(span);
                _scratchLength = start + written;
                return new Value(Kind.String, start, written, true);
            case JsonTokenType.Number:
                return new Value(Kind.Number, (int)reader.TokenStartIndex, reader.ValueSpan.Length, false);
            case JsonTokenType.True:
                return new Value(Kind.True, 0, 0, false);
            case JsonTokenType.False:
                return new Value(Kind.False, 0, 0, false);
            case JsonTokenType.Null:
                return new Value(Kind.Null, 0, 0, false);
            default:
                reader.TrySkip();
                return default;
        }
    }

    private Span<byte> Reserve(int length, out int start)
    {
        if (_scratchLength + length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + length));
        }

        start = _scratchLength;
        _scratchLength += length;
        return _scratch.AsSpan(start, length);
    }

    private ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> source, Value value)
        => value.InScratch ? _scratch.AsSpan(value.Start, value.Length) : source.Slice(value.Start, value.Length);

    /// <summary>The map's null sentinels: "", " ", "UNKNOWN" and the all-zero GUID read as null.</summary>
    private static bool IsSentinel(ReadOnlySpan<byte> text) => text.Length switch
    {
        0 => true,
        1 => text[0] == ' ',
        7 => text.SequenceEqual("UNKNOWN"u8),
        36 => text.SequenceEqual("00000000-0000-0000-0000-000000000000"u8),
        _ => false,
    };

    /// <summary>Whether a copied string has a value once the sentinels are applied.</summary>
    private bool HasText(ReadOnlySpan<byte> source, Value value, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (value.Kind != Kind.String)
        {
            return false;
        }

        text = Bytes(source, value);
        return !IsSentinel(text);
    }

    private bool IsBlank(ReadOnlySpan<byte> source, Value value)
        => value.Kind switch
        {
            Kind.Absent or Kind.Null => true,
            Kind.String => IsSentinel(Bytes(source, value)) || Trim(Bytes(source, value)).IsEmpty,
            _ => false,
        };

    private void WriteCopy(Utf8JsonWriter w, ReadOnlySpan<byte> source, JsonEncodedText name, Value value)
    {
        switch (value.Kind)
        {
            case Kind.String:
                var text = Bytes(source, value);
                if (!IsSentinel(text))
                {
                    w.WriteString(name, text);
                }

                return;
            case Kind.Number:
                w.WritePropertyName(name);
                w.WriteRawValue(Bytes(source, value), skipInputValidation: true);
                return;
            case Kind.True or Kind.False:
                w.WriteBoolean(name, value.Kind == Kind.True);
                return;
        }
    }

    private void WriteCategory(Utf8JsonWriter w, ReadOnlySpan<byte> source)
    {
        if (!HasText(source, _account.Type, out var type))
        {
            return;
        }

        var code = type.Length switch
        {
            7 when Ascii.EqualsIgnoreCase(type, "Partner"u8) => CategoryCodes[2],
            8 when Ascii.EqualsIgnoreCase(type, "Prospect"u8) => CategoryCodes[3],
            17 when Ascii.EqualsIgnoreCase(type, "Customer - Direct"u8) => CategoryCodes[0],
            18 when Ascii.EqualsIgnoreCase(type, "Customer - Channel"u8) => CategoryCodes[1],
            _ => OtherCategory,
        };
        w.WriteString(Category, code);
    }

    private void WritePaymentTerms(Utf8JsonWriter w, ReadOnlySpan<byte> source)
    {
        if (!HasText(source, _account.PaymentTerms, out var terms))
        {
            return;
        }

        var code = terms.Length switch
        {
            6 when terms.SequenceEqual("Net 15"u8) => PaymentTermsCodes[0],
            6 when terms.SequenceEqual("Net 30"u8) => PaymentTermsCodes[1],
            6 when terms.SequenceEqual("Net 60"u8) => PaymentTermsCodes[2],
            14 when terms.SequenceEqual("Due on receipt"u8) => PaymentTermsCodes[3],
            _ => DefaultPaymentTerms,
        };
        w.WriteString(PaymentTermsCode, code);
    }

    /// <summary>toDecimal: a decimal string is written as a JSON number with its digits as given; anything else is refused.</summary>
    private void WriteCreditLimit(Utf8JsonWriter w, ReadOnlySpan<byte> source)
    {
        ReadOnlySpan<byte> digits;
        if (_account.CreditLimit.Kind == Kind.Number)
        {
            digits = Bytes(source, _account.CreditLimit);
        }
        else if (HasText(source, _account.CreditLimit, out var text))
        {
            digits = Trim(text);
            if (digits.IsEmpty)
            {
                return;
            }

            if (digits[0] == '+')
            {
                digits = digits[1..];
            }
        }
        else
        {
            return;
        }

        if (!IsPlainDecimal(digits))
        {
            throw new FormatException($"Credit_Limit__c {Encoding.UTF8.GetString(digits)} is not a decimal.");
        }

        w.WritePropertyName(CreditLimit);
        w.WriteRawValue(digits, skipInputValidation: true);
    }

    private void WriteCurrency(Utf8JsonWriter w, ReadOnlySpan<byte> source)
    {
        if (!HasText(source, _account.Currency, out var currency))
        {
            return;
        }

        WriteCased(w, Currency, currency, upper: true);
    }

    /// <summary>upper/lower: ASCII in place; other text through a stack buffer of chars, so no string is made either way.</summary>
    private static void WriteCased(Utf8JsonWriter w, JsonEncodedText name, ReadOnlySpan<byte> text, bool upper)
    {
        if (text.Length <= 256)
        {
            Span<byte> bytes = stackalloc byte[256];
            var status = upper ? Ascii.ToUpper(text, bytes, out var written) : Ascii.ToLower(text, bytes, out written);
            if (status == OperationStatus.Done)
            {
                w.WriteString(name, bytes[..written]);
                return;
            }

            Span<char> chars = stackalloc char[256];
            Span<char> cased = stackalloc char[256];
            var count = Encoding.UTF8.GetChars(text, chars);
            _ = upper ? chars[..count].ToUpperInvariant(cased) : chars[..count].ToLowerInvariant(cased);
            w.WriteString(name, cased[..count]);
            return;
        }

        var value = Encoding.UTF8.GetString(text);
        w.WriteString(name, upper ? value.ToUpperInvariant() : value.ToLowerInvariant());
    }

    /// <summary>toDateTime: Salesforce's <c>yyyy-MM-ddTHH:mm:ss.fff+hhmm</c> is rewritten in place; anything else goes through DateTimeOffset.</summary>
    private void WriteDateTime(Utf8JsonWriter w, ReadOnlySpan<byte> source, JsonEncodedText name, Value value)
    {
        if (!HasText(source, value, out var text))
        {
            return;
        }

        Span<byte> output = stackalloc byte[40];
        if (TryRewriteSalesforceDateTime(text, output, out var written))
        {
            w.WriteString(name, output[..written]);
            return;
        }

        var parsed = ParseDateTimeSlow(text);
        w.WriteString(name, parsed.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
    }

    /// <summary>toDate with output yyyyMMdd: an ISO date loses its dashes; anything else goes through DateTimeOffset.</summary>
    private void WriteDate(Utf8JsonWriter w, ReadOnlySpan<byte> source, JsonEncodedText name, Value value)
    {
        if (!HasText(source, value, out var text))
        {
            return;
        }

        if (text.Length == 10 && text[4] == '-' && text[7] == '-' && AllDigits(text[..4]) && AllDigits(text.Slice(5, 2)) && AllDigits(text.Slice(8, 2))
            && IsValidDate(text))
        {
            Span<byte> output = stackalloc byte[8];
            text[..4].CopyTo(output);
            text.Slice(5, 2).CopyTo(output[4..]);
            text.Slice(8, 2).CopyTo(output[6..]);
            w.WriteString(name, output);
            return;
        }

        w.WriteString(name, ParseDateTimeSlow(text).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
    }

    private void WriteAddress(Utf8JsonWriter w, ReadOnlySpan<byte> source, in Address address, JsonEncodedText type, bool isBilling)
    {
        if (!HasText(source, address.Street, out _) && address.Street.Kind is not (Kind.Number or Kind.True or Kind.False))
        {
            return;
        }

        w.WriteStartObject();
        w.WriteString(Type, type);
        WriteCopy(w, source, Line1, address.Street);
        WriteCopy(w, source, City, address.City);
        WriteCopy(w, source, Region, address.State);
        WriteCopy(w, source, PostalCode, address.PostalCode);
        WriteCopy(w, source, Country, address.Country);
        w.WriteBoolean(IsDefaultBilling, isBilling);
        w.WriteBoolean(IsDefaultShipping, !isBilling);
        w.WriteEndObject();
    }

    private void WriteContact(Utf8JsonWriter w, ReadOnlySpan<byte> source, in Contact contact)
    {
        w.WriteStartObject();
        var hasFirst = HasText(source, contact.FirstName, out var first);
        var hasLast = HasText(source, contact.LastName, out var last);
        if (hasFirst && hasLast)
        {
            var length = first.Length + 1 + last.Length;
            var full = length <= 256 ? stackalloc byte[length] : new byte[length];
            first.CopyTo(full);
            full[first.Length] = (byte)' ';
            last.CopyTo(full[(first.Length + 1)..]);
            w.WriteString(FullName, full);
        }
        else if (hasFirst || hasLast)
        {
            w.WriteString(FullName, hasFirst ? first : last);
        }

        if (HasText(source, contact.Email, out var email))
        {
            WriteCased(w, Email, email, upper: false);
        }

        WriteCopy(w, source, Phone, contact.Phone);
        WriteCopy(w, source, JobTitle, contact.Title);
        w.WriteEndObject();
    }

    private static bool TryRewriteSalesforceDateTime(ReadOnlySpan<byte> text, Span<byte> output, out int written)
    {
        // 2024-03-02T08:30:00.000+0000 -> 2024-03-02T08:30:00+00:00 (fraction without trailing zeros, offset with a colon).
        written = 0;
        if (text.Length != 28 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != '.'
            || text[23] is not ((byte)'+' or (byte)'-') || !AllDigits(text[..4]) || !AllDigits(text.Slice(5, 2)) || !AllDigits(text.Slice(8, 2))
            || !AllDigits(text.Slice(11, 2)) || !AllDigits(text.Slice(14, 2)) || !AllDigits(text.Slice(17, 2)) || !AllDigits(text.Slice(20, 3))
            || !AllDigits(text.Slice(24, 4)) || !IsValidDate(text) || Two(text, 11) > 23 || Two(text, 14) > 59 || Two(text, 17) > 59
            || Two(text, 24) > 14 || Two(text, 26) > 59)
        {
            return false;
        }

        text[..19].CopyTo(output);
        written = 19;
        var fraction = text.Slice(19, 4).TrimEnd((byte)'0');
        if (fraction.Length > 1)
        {
            fraction.CopyTo(output[written..]);
            written += fraction.Length;
        }

        output[written++] = text.Slice(24, 4).SequenceEqual("0000"u8) ? (byte)'+' : text[23];
        output[written++] = text[24];
        output[written++] = text[25];
        output[written++] = (byte)':';
        output[written++] = text[26];
        output[written++] = text[27];
        return true;
    }

    private static bool IsValidDate(ReadOnlySpan<byte> text)
    {
        var year = (Two(text, 0) * 100) + Two(text, 2);
        var month = Two(text, 5);
        var day = Two(text, 8);
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static int Two(ReadOnlySpan<byte> text, int at) => ((text[at] - '0') * 10) + (text[at + 1] - '0');

    private static bool AllDigits(ReadOnlySpan<byte> text) => !text.ContainsAnyExceptInRange((byte)'0', (byte)'9');

    private static DateTimeOffset ParseDateTimeSlow(ReadOnlySpan<byte> text)
    {
        var chars = Encoding.UTF8.GetString(Trim(text));
        if (chars.Length > 5 && chars[^5] is '+' or '-' && chars.Contains('T', StringComparison.Ordinal))
        {
            chars = chars[..^2] + ":" + chars[^2..];
        }

        return DateTimeOffset.Parse(chars, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>A plain decimal (<c>-?digits(.digits)?</c>, no leading zeros) that System.Decimal holds exactly.</summary>
    private static bool IsPlainDecimal(ReadOnlySpan<byte> text)
    {
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var start = i;
        while (i < text.Length && (uint)(text[i] - '0') <= 9)
        {
            i++;
        }

        var whole = i - start;
        if (whole == 0 || (whole > 1 && text[start] == '0'))
        {
            return false;
        }

        var fraction = 0;
        if (i < text.Length && text[i] == '.')
        {
            var dot = ++i;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                i++;
            }

            fraction = i - dot;
            if (fraction == 0)
            {
                return false;
            }
        }

        return i == text.Length && whole + fraction <= 28;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
    {
        var start = 0;
        while (start < text.Length && IsSpace(text, start, out var width))
        {
            start += width;
        }

        var end = text.Length;
        while (end > start && IsSpaceBefore(text, end, out var width))
        {
            end -= width;
        }

        return text[start..end];
    }

    private static bool IsSpace(ReadOnlySpan<byte> text, int at, out int width)
    {
        width = 1;
        if (text[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            return true;
        }

        width = 2;
        return text[at] == 0xC2 && at + 1 < text.Length && text[at + 1] == 0xA0;
    }

    private static bool IsSpaceBefore(ReadOnlySpan<byte> text, int end, out int width)
    {
        width = 1;
        if (text[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            return true;
        }

        width = 2;
        return end >= 2 && text[end - 2] == 0xC2 && text[end - 1] == 0xA0;
    }

    private readonly record struct Value(Kind Kind, int Start, int Length, bool InScratch);

    private struct Address
    {
        public Value Street;
        public Value City;
        public Value State;
        public Value PostalCode;
        public Value Country;
    }

    private struct Account
    {
        public Value Id;
        public Value AccountNumber;
        public Value Name;
        public Value Type;
        public Value PaymentTerms;
        public Value CreditLimit;
        public Value Currency;
        public Value TaxId;
        public Value Phone;
        public Value Website;
        public Value Status;
        public Value CreatedDate;
        public Value CustomerSince;
        public Address Billing;
        public Address Shipping;
        public bool HasContactRecords;
    }

    private struct Contact
    {
        public Value FirstName;
        public Value LastName;
        public Value Email;
        public Value Phone;
        public Value Title;
    }
}
