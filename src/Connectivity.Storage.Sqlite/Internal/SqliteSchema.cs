namespace Connectivity.Storage.Sqlite.Internal;

/// <summary>The versioned schema: migration n brings the file from version n-1 to n. Never edit a shipped migration; add one.</summary>
internal static class SqliteSchema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE cnx_counters (name TEXT NOT NULL PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO cnx_counters (name, value) VALUES ('lease_token', 0);

        CREATE TABLE cnx_outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            destination TEXT NOT NULL,
            entity_key TEXT NULL,
            payload BLOB NOT NULL,
            headers TEXT NULL,
            attempt_count INTEGER NOT NULL DEFAULT 0,
            not_before INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            last_error TEXT NULL,
            lease_owner TEXT NULL,
            lease_token INTEGER NOT NULL DEFAULT 0,
            lease_expires_at INTEGER NOT NULL DEFAULT 0,
            delivered_at INTEGER NULL);
        CREATE INDEX ix_cnx_outbox_pending ON cnx_outbox (seq) WHERE delivered_at IS NULL;
        CREATE INDEX ix_cnx_outbox_key ON cnx_outbox (entity_key, seq) WHERE delivered_at IS NULL;
        CREATE INDEX ix_cnx_outbox_delivered ON cnx_outbox (delivered_at) WHERE delivered_at IS NOT NULL;

        CREATE TABLE cnx_outbox_paused (destination TEXT NOT NULL PRIMARY KEY, paused_at INTEGER NOT NULL) WITHOUT ROWID;

        CREATE TABLE cnx_dead_letters (
            id TEXT NOT NULL PRIMARY KEY,
            destination TEXT NOT NULL,
            entity_key TEXT NULL,
            payload BLOB NOT NULL,
            headers TEXT NULL,
            attempt_count INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            last_error TEXT NULL,
            error_code TEXT NOT NULL,
            reason TEXT NOT NULL,
            dead_lettered_at INTEGER NOT NULL,
            status INTEGER NOT NULL);
        CREATE INDEX ix_cnx_dead_letters_status ON cnx_dead_letters (status, dead_lettered_at);

        CREATE TABLE cnx_dead_letter_audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id TEXT NOT NULL,
            action INTEGER NOT NULL,
            actor TEXT NOT NULL,
            at INTEGER NOT NULL,
            note TEXT NULL);
        CREATE INDEX ix_cnx_dead_letter_audit_message ON cnx_dead_letter_audit (message_id, seq);

        CREATE TABLE cnx_idempotency (
            key TEXT NOT NULL PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            token TEXT NOT NULL,
            completed INTEGER NOT NULL,
            result BLOB NULL,
            locked_until INTEGER NOT NULL,
            expires_at INTEGER NOT NULL);
        CREATE INDEX ix_cnx_idempotency_expires ON cnx_idempotency (expires_at);

        CREATE TABLE cnx_inbox (
            source TEXT NOT NULL,
            message_id TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            PRIMARY KEY (source, message_id)) WITHOUT ROWID;
        CREATE INDEX ix_cnx_inbox_received ON cnx_inbox (received_at);

        CREATE TABLE cnx_checkpoints (
            connector TEXT NOT NULL,
            stream TEXT NOT NULL,
            partition TEXT NOT NULL,
            cursor TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (connector, stream, partition)) WITHOUT ROWID;
        """,
    ];

    public static int LatestVersion => Migrations.Length;
}
