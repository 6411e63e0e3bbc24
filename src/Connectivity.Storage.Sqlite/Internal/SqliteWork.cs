using Connectivity.Delivery;
using Microsoft.Data.Sqlite;

namespace Connectivity.Storage.Sqlite.Internal;

/// <summary>Runs a unit of store work in the caller's transaction, or in one of its own that takes the write lock at once.</summary>
internal static class SqliteWork
{
    public static T Write<T>(SqliteDatabase database, IStoreTransaction? transaction, Func<SqliteConnection, SqliteTransaction, T> work)
    {
        var enlisted = SqliteStoreTransaction.From(transaction);
        if (enlisted is not null)
        {
            return work(enlisted.Connection, enlisted.Transaction);
        }

        if (!database.WriteGate.Wait(database.WriteGateTimeout))
        {
            throw new TimeoutException($"No write to '{database.DatabasePath}' within {database.WriteGateTimeout}: another write of this process held it (a write outside an open store transaction of the same flow waits for that transaction).");
        }

        try
        {
            using var connection = database.Open();
            using var own = connection.BeginTransaction(deferred: false);
            var result = work(connection, own);
            own.Commit();
            return result;
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    public static T Read<T>(SqliteDatabase database, Func<SqliteConnection, T> work)
    {
        using var connection = database.Open();
        return work(connection);
    }

    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
