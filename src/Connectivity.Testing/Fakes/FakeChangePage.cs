namespace Connectivity.Testing.Fakes;

/// <summary>One page of <see cref="FakeSystem.ReadChangesSince"/>.</summary>
/// <param name="Records">The records changed after the cursor, ordered by <see cref="FakeRecord.ModifiedAt"/>, then <see cref="FakeRecord.RemoteId"/>.</param>
/// <param name="Cursor">The cursor to read on from: after the last record of the page, or the cursor asked with when the page is empty.</param>
/// <param name="HasMore">Whether more records follow the page.</param>
public sealed record FakeChangePage(IReadOnlyList<FakeRecord> Records, string? Cursor, bool HasMore);
