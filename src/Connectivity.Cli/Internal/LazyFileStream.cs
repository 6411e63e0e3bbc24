namespace Connectivity.Cli.Internal;

/// <summary>A write-only file stream that creates its file on the first write, so a run with no failed record leaves no empty errors file.</summary>
internal sealed class LazyFileStream(string path) : Stream
{
    private FileStream? _file;

    /// <summary>Gets whether anything was written, so the file exists.</summary>
    public bool Created => _file is not null;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!buffer.IsEmpty)
        {
            File().Write(buffer);
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        => buffer.IsEmpty ? ValueTask.CompletedTask : File().WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => _file?.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken)
        => _file?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file?.Dispose();
        }

        base.Dispose(disposing);
    }

    private FileStream File() => _file ??= new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
}
