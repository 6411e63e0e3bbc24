using Newtonsoft.Json;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Connectivity.Canonical.Schemas.Internal;

/// <summary>Turns NJsonSchema's validation errors into stable, flat, path-addressed <see cref="SchemaValidationError"/>s.</summary>
internal static class SchemaErrorTranslator
{
    public static IReadOnlyList<SchemaValidationError> Validate(JsonSchema schema, string json)
    {
        ICollection<ValidationError> raw;
        try
        {
            raw = schema.Validate(json);
        }
        catch (JsonReaderException ex)
        {
            return [new SchemaValidationError(SchemaErrorCodes.InvalidJson, "$", $"The document is not valid JSON: {ex.Message}", ex.LineNumber, ex.LinePosition)];
        }

        var errors = new List<SchemaValidationError>();
        foreach (var error in raw)
        {
            Flatten(error, errors);
        }

        // A value of the wrong type is one error; what its schema would further require of it is noise.
        var wrongTypePaths = errors.Where(static e => e.Code == SchemaErrorCodes.WrongType).Select(static e => e.Path).ToArray();
        errors.RemoveAll(e => wrongTypePaths.Any(p => e.Path.Length > p.Length && e.Path.StartsWith(p, StringComparison.Ordinal) && e.Path[p.Length] is '.' or '['));

        return errors
            .Distinct()
            .OrderBy(static e => e.LineNumber)
            .ThenBy(static e => e.LinePosition)
            .ThenBy(static e => e.Path, StringComparer.Ordinal)
            .ToArray();
    }

    private static void Flatten(ValidationError error, List<SchemaValidationError> into)
    {
        // A nullable value is "null or the schema" (oneOf) or "null or a type" (a type list); report
        // what is wrong against the schema or type, not that the value also is not null.
        IEnumerable<ICollection<ValidationError>> alternatives = error switch
        {
            ChildSchemaValidationError child => child.Errors.Values,
            MultiTypeValidationError multi => multi.Errors.Values,
            _ => [],
        };
        if (alternatives.Any())
        {
            var branches = alternatives.Where(static b => !b.Any(static e => e.Kind == ValidationErrorKind.NullExpected)).ToArray();
            if (branches.Length > 0)
            {
                foreach (var branchError in branches.SelectMany(static b => b))
                {
                    Flatten(branchError, into);
                }

                return;
            }
        }

        var path = ToJsonPath(error);
        into.Add(new SchemaValidationError(CodeOf(error.Kind), path, Describe(error, path), error.LineNumber, error.LinePosition));
    }

    private static string ToJsonPath(ValidationError error)
    {
        var path = error.Path ?? "#";
        path = path.StartsWith("#/", StringComparison.Ordinal) ? "$." + path[2..] : path == "#" ? "$" : path;
        if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is { } property && !path.EndsWith("." + property, StringComparison.Ordinal))
        {
            path = path == "$" ? "$." + property : path + "." + property;
        }

        return path;
    }

    private static string Describe(ValidationError error, string path) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => $"{path} is required.",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => $"{path} is not a property of this entity; put fields the model does not have in customFields.",
        ValidationErrorKind.PatternMismatch => $"{path} does not match the pattern {error.Schema?.Pattern}.",
        ValidationErrorKind.NotInEnumeration => $"{path} is not one of the allowed values: {string.Join(", ", error.Schema?.Enumeration ?? [])}.",
        ValidationErrorKind.StringExpected => $"{path} must be a string.",
        ValidationErrorKind.NumberExpected => $"{path} must be a number.",
        ValidationErrorKind.IntegerExpected => $"{path} must be an integer.",
        ValidationErrorKind.BooleanExpected => $"{path} must be true or false.",
        ValidationErrorKind.ObjectExpected => $"{path} must be an object.",
        ValidationErrorKind.ArrayExpected => $"{path} must be an array.",
        ValidationErrorKind.NullExpected => $"{path} must be null.",
        ValidationErrorKind.DateTimeExpected => $"{path} must be an ISO 8601 date and time with an offset.",
        ValidationErrorKind.DateExpected => $"{path} must be an ISO 8601 date (yyyy-MM-dd).",
        ValidationErrorKind.EmailExpected => $"{path} must be an e-mail address.",
        ValidationErrorKind.StringTooShort => $"{path} is shorter than {error.Schema?.MinLength} characters.",
        ValidationErrorKind.StringTooLong => $"{path} is longer than {error.Schema?.MaxLength} characters.",
        ValidationErrorKind.NumberTooSmall => $"{path} is below the minimum {error.Schema?.Minimum}.",
        ValidationErrorKind.NumberTooBig => $"{path} is above the maximum {error.Schema?.Maximum}.",
        _ => $"{path} is invalid ({error.Kind}).",
    };

    private static string CodeOf(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.PropertyRequired => SchemaErrorCodes.RequiredPropertyMissing,
        ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected
            or ValidationErrorKind.BooleanExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected
            or ValidationErrorKind.NullExpected => SchemaErrorCodes.WrongType,
        ValidationErrorKind.PatternMismatch => SchemaErrorCodes.PatternMismatch,
        ValidationErrorKind.NoAdditionalPropertiesAllowed => SchemaErrorCodes.UnknownProperty,
        ValidationErrorKind.NotInEnumeration => SchemaErrorCodes.NotAllowedValue,
        ValidationErrorKind.StringTooShort or ValidationErrorKind.StringTooLong or ValidationErrorKind.NumberTooSmall
            or ValidationErrorKind.NumberTooBig or ValidationErrorKind.TooManyItems or ValidationErrorKind.TooFewItems => SchemaErrorCodes.OutOfRange,
        ValidationErrorKind.DateTimeExpected or ValidationErrorKind.DateExpected or ValidationErrorKind.EmailExpected
            or ValidationErrorKind.TimeExpected or ValidationErrorKind.UriExpected or ValidationErrorKind.GuidExpected => SchemaErrorCodes.InvalidFormat,
        _ => SchemaErrorCodes.Other,
    };
}
