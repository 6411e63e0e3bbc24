using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ardalis.GuardClauses;
using Connectivity.Mapping.Internal;

namespace Connectivity.Mapping;

/// <summary>
/// A map ready to run: reads each UTF-8 record once, forward only, captures only the paths it needs and
/// writes the target with pre-encoded names. Immutable and safe to share across threads; mapping a
/// record allocates nothing beyond the values it produces. A bad record yields errors, never an exception.
/// </summary>
public sealed partial class CompiledMap
{
    private readonly MapProgram _program;
    private readonly EntityPlans _entityPlans;
    private MapExplanation? _explanation;

    internal CompiledMap(MapDefinition definition, MapProgram program)
    {
        Definition = definition;
        _program = program;
        _entityPlans = new EntityPlans(program);
    }

    /// <summary>Gets the definition the map was compiled from.</summary>
    public MapDefinition Definition { get; }

    /// <summary>Maps one JSON record to target JSON.</summary>
    /// <param name="source">The record, UTF-8 JSON (one object).</param>
    /// <param name="destination">Receives the target JSON when the record maps without error; untouched otherwise.</param>
    /// <returns>Success, or every error found in the record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is <see langword="null"/>.</exception>
    public MapRecordResult Map(ReadOnlySpan<byte> source, IBufferWriter<byte> destination)
    {
        Guard.Against.Null(destination);
        var state = RecordState.Rent();
        try
        {
            if (!Run(source, state))
            {
                return new MapRecordResult([.. state.Errors!]);
            }

            destination.Write(state.Output.WrittenSpan);
            return default;
        }
        finally
        {
            state.Return();
        }
    }

    /// <summary>
    /// Maps one JSON record to an entity, through the entity's System.Text.Json metadata (no reflection): the entity is
    /// created and its properties set from the rules' values (<see cref="JsonTypeInfo.CreateObject"/>,
    /// <see cref="JsonPropertyInfo.Set"/>), with the same result as deserializing the target JSON <see cref="Map"/> writes.
    /// Parts the metadata gives no direct way to set (a host's converter on a property, constructor parameters, ...) are read
    /// from their JSON by System.Text.Json.
    /// </summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <param name="source">The record, UTF-8 JSON (one object).</param>
    /// <param name="typeInfo">The entity's serialization metadata, for example from a source-generated context.</param>
    /// <returns>The entity, or every error found in the record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    public MapRecordResult<TEntity> MapToEntity<TEntity>(ReadOnlySpan<byte> source, JsonTypeInfo<TEntity> typeInfo)
        where TEntity : class
    {
        Guard.Against.Null(typeInfo);
        var state = RecordState.Rent();
        try
        {
            if (_entityPlans.Binder(typeInfo) is { } binder)
            {
                if (!TryRead(source, state))
                {
                    return new MapRecordResult<TEntity>(null, [.. state.Errors!]);
                }

                var context = new EvalContext(source, state, _program);
                if (binder.Bind(ref context) is TEntity bound && !state.HasErrors && !state.BindingAborted)
                {
                    return new MapRecordResult<TEntity>(bound, null);
                }

                // A record that does not map, or a value not bound directly: the JSON path says exactly what it would have.
            }

            return MapToEntityThroughJson(source, typeInfo, state);
        }
        finally
        {
            state.Return();
        }
    }

    /// <summary>
    /// Maps an entity to target JSON. The values the map reads are taken from the entity through its System.Text.Json
    /// metadata (<see cref="JsonPropertyInfo.Get"/>), with the same result as mapping the JSON the metadata writes; an
    /// entity whose metadata writes something the getters cannot tell (a host's converter on a property, extension data,
    /// ...) is written as JSON and mapped.
    /// </summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <param name="entity">The entity.</param>
    /// <param name="typeInfo">The entity's serialization metadata.</param>
    /// <param name="destination">Receives the target JSON when the record maps without error.</param>
    /// <returns>Success, or every error found.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public MapRecordResult MapFromEntity<TEntity>(TEntity entity, JsonTypeInfo<TEntity> typeInfo, IBufferWriter<byte> destination)
        where TEntity : class
    {
        Guard.Against.Null(entity);
        Guard.Against.Null(typeInfo);
        Guard.Against.Null(destination);
        var state = RecordState.Rent();
        try
        {
            bool mapped;
            if (_entityPlans.Reader(typeInfo) is { } reader)
            {
                state.Reset(_program.ScopeSlotCounts);
                state.EntityBuffer.ResetWrittenCount();
                reader.Read(entity, state);
                mapped = Evaluate(state.EntityBuffer.WrittenSpan, state);
            }
            else
            {
                state.EntityBuffer.ResetWrittenCount();
                state.EntityWriter.Reset(state.EntityBuffer);
                JsonSerializer.Serialize(state.EntityWriter, entity, typeInfo);
                state.EntityWriter.Flush();
                mapped = Run(state.EntityBuffer.WrittenSpan, state);
            }

            if (!mapped)
            {
                return new MapRecordResult([.. state.Errors!]);
            }

            destination.Write(state.Output.WrittenSpan);
            return default;
        }
        finally
        {
            state.Return();
        }
    }

    private MapRecordResult<TEntity> MapToEntityThroughJson<TEntity>(ReadOnlySpan<byte> source, JsonTypeInfo<TEntity> typeInfo, RecordState state)
        where TEntity : class
    {
        if (!Run(source, state))
        {
            return new MapRecordResult<TEntity>(null, [.. state.Errors!]);
        }

        try
        {
            var entity = JsonSerializer.Deserialize(state.Output.WrittenSpan, typeInfo);
            return entity is null
                ? new MapRecordResult<TEntity>(null, [new MapError(MappingErrorCodes.EntityNotReadable, string.Empty, null, "the mapped record is null.")])
                : new MapRecordResult<TEntity>(entity, null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path ? path[2..] : string.Empty;
            return new MapRecordResult<TEntity>(null, [new MapError(MappingErrorCodes.EntityNotReadable, field, null, $"{field}: the mapped value does not fit {typeof(TEntity).Name}: {ex.Message}")]);
        }
    }

    /// <summary>Says, for each target field, which source paths, rules and functions produce it.</summary>
    /// <returns>The explanation.</returns>
    public MapExplanation Explain() => _explanation ??= MapExplanation.Of(Definition);

    private bool Run(ReadOnlySpan<byte> source, RecordState state) => TryRead(source, state) && Evaluate(source, state);

    /// <summary>Checks the record and captures what the map reads; false, with the error, when it cannot be read.</summary>
    private bool TryRead(ReadOnlySpan<byte> source, RecordState state)
    {
        state.Reset(_program.ScopeSlotCounts);

        // Neither Utf8JsonReader nor Utf8JsonWriter refuses invalid UTF-8 in string values (the writer would
        // quietly write replacement characters), so the record is checked once, up front (vectorized).
        if (!Utf8Validation.IsValid(source))
        {
            state.AddError(MappingErrorCodes.MalformedRecord, string.Empty, null, InvalidUtf8(source));
            return false;
        }

        try
        {
            SourceReader.Read(source, _program.Trie, state, _program.CaptureUnmapped, _program.MaxDepth);
        }
        catch (JsonException ex)
        {
            state.AddError(MappingErrorCodes.MalformedRecord, string.Empty, null, $"the record is not valid JSON: {ex.Message}");
            return false;
        }
        catch (MalformedRecordException ex)
        {
            state.AddError(MappingErrorCodes.MalformedRecord, string.Empty, null, ex.Message + ".");
            return false;
        }
        catch (InvalidOperationException ex)
        {
            state.AddError(MappingErrorCodes.MalformedRecord, string.Empty, null, $"the record cannot be read: {ex.Message}");
            return false;
        }

        return true;
    }

    /// <summary>Writes the target JSON from the captured values into the state's output.</summary>
    private bool Evaluate(ReadOnlySpan<byte> input, RecordState state)
    {
        var context = new EvalContext(input, state, _program);
        _program.Root.TryWrite(ref context, state.Writer, false, default, MapTargetKind.Object);
        state.Writer.Flush();
        return !state.HasErrors;
    }

    private static string InvalidUtf8(ReadOnlySpan<byte> source) => $"the record is not valid UTF-8 (byte {FirstInvalidUtf8(source)}).";

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> source)
    {
        var valid = 0;
        while (valid < source.Length && Rune.DecodeFromUtf8(source[valid..], out _, out var consumed) == OperationStatus.Done)
        {
            valid += consumed;
        }

        return valid;
    }

}
