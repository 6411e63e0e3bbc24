using System.Buffers;
using BenchmarkDotNet.Attributes;
using Connectivity.Canonical;
using Connectivity.Canonical.Serialization;
using Connectivity.Mapping;

namespace Connectivity.Benchmarks.Mapping;

/// <summary>
/// Maps the 1000 generated accounts (<see cref="AccountWorkload"/>) to ERP customers as crm-account-to-erp-customer.map.json
/// says, five ways. Each operation maps every record into one reused buffer, reset per record; results are per record.
/// Before timing, every contender's output is checked against the engine's direct output (<see cref="MappingVerifier"/>).
/// </summary>
[MemoryDiagnoser]
// Ten warm-up iterations: with three, tiered JIT had not settled on this 2-core machine (iterations fell from 50 us to 10 us).
[SimpleJob(launchCount: 1, warmupCount: 10, iterationCount: 10)]
public class MappingBenchmark
{
    /// <summary>Records per operation, so BenchmarkDotNet reports per record.</summary>
    public const int RecordCount = 1000;

    private readonly ArrayBufferWriter<byte> _output = new(8192);
    private byte[][] _records = [];
    private CompiledMap _direct = null!;
    private CompiledMap _inbound = null!;
    private CompiledMap _outbound = null!;
    private HandWrittenAccountMapper _handWritten = null!;
    private JsonNodeAccountMapper _jsonNode = null!;
    private NewtonsoftAccountMapper _newtonsoft = null!;

    /// <summary>Gets the records, serialized.</summary>
    public IReadOnlyList<byte[]> Records => _records;

    /// <summary>Loads the maps, generates the workload and checks every contender against the engine.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Prepare();
        MappingVerifier.Verify(this, RecordCount).ThrowIfFailed();
    }

    /// <summary>Loads the maps and generates the workload, without checking.</summary>
    public void Prepare()
    {
        _records = AccountWorkload.Create(RecordCount);
        _direct = MapFiles.Load("crm-account-to-erp-customer.map.json");
        _inbound = MapFiles.Load("crm-account-to-canonical-customer.map.json");
        _outbound = MapFiles.Load("canonical-customer-to-erp-customer.map.json");
        _handWritten = new HandWrittenAccountMapper();
        _jsonNode = new JsonNodeAccountMapper();
        _newtonsoft = new NewtonsoftAccountMapper();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RecordCount)]
    public long HandWritten()
    {
        long total = 0;
        foreach (var record in _records)
        {
            _output.ResetWrittenCount();
            HandWrittenOne(record, _output);
            total += _output.WrittenCount;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = RecordCount)]
    public long EngineJsonToJson()
    {
        long total = 0;
        foreach (var record in _records)
        {
            _output.ResetWrittenCount();
            EngineJsonToJsonOne(record, _output);
            total += _output.WrittenCount;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = RecordCount)]
    public long EngineViaCanonical()
    {
        long total = 0;
        foreach (var record in _records)
        {
            _output.ResetWrittenCount();
            EngineViaCanonicalOne(record, _output);
            total += _output.WrittenCount;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = RecordCount)]
    public long JsonNodeDom()
    {
        long total = 0;
        foreach (var record in _records)
        {
            _output.ResetWrittenCount();
            _jsonNode.Map(record, _output);
            total += _output.WrittenCount;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = RecordCount)]
    public long NewtonsoftJObject()
    {
        long total = 0;
        foreach (var record in _records)
        {
            _output.ResetWrittenCount();
            _newtonsoft.Map(record, _output);
            total += _output.WrittenCount;
        }

        return total;
    }

    internal void HandWrittenOne(byte[] record, IBufferWriter<byte> output)
    {
        if (!_handWritten.Map(record, output))
        {
            throw new InvalidOperationException("The hand-written mapper refused a record.");
        }
    }

    internal void EngineJsonToJsonOne(byte[] record, IBufferWriter<byte> output)
    {
        var result = _direct.Map(record, output);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The direct map failed: " + string.Join("; ", result.Errors));
        }
    }

    internal void EngineViaCanonicalOne(byte[] record, IBufferWriter<byte> output)
    {
        var typeInfo = CanonicalJson.GetTypeInfo<Customer>();
        var customer = _inbound.MapToEntity(record, typeInfo);
        if (!customer.Succeeded)
        {
            throw new InvalidOperationException("The inbound map failed: " + string.Join("; ", customer.Errors));
        }

        var result = _outbound.MapFromEntity(customer.Value!, typeInfo, output);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The outbound map failed: " + string.Join("; ", result.Errors));
        }
    }

    internal void JsonNodeOne(byte[] record, IBufferWriter<byte> output) => _jsonNode.Map(record, output);

    internal void NewtonsoftOne(byte[] record, IBufferWriter<byte> output) => _newtonsoft.Map(record, output);
}
