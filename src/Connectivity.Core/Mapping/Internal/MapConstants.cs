namespace Connectivity.Mapping;

internal static class MapConstants
{
    public const int DefaultMaxDepth = 64;
    public const int DefaultMaxRecordBytes = 16 * 1024 * 1024;
}
