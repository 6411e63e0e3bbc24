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
        """
        CREATE TABLE cnx_identity_links (
            system TEXT NOT NULL,
            entity_type TEXT NOT NULL,
            remote_id TEXT NOT NULL,
            canonical_id TEXT NOT NULL,
            linked_at INTEGER NOT NULL,
            PRIMARY KEY (system, entity_type, remote_id)) WITHOUT ROWID;
        CREATE INDEX ix_cnx_identity_links_canonical ON cnx_identity_links (entity_type, canonical_id, system, remote_id);

        CREATE TABLE cnx_identity_merges (
            entity_type TEXT NOT NULL,
            merged_id TEXT NOT NULL,
            survivor_id TEXT NOT NULL,
            merged_at INTEGER NOT NULL,
            PRIMARY KEY (entity_type, merged_id)) WITHOUT ROWID;
        CREATE INDEX ix_cnx_identity_merges_survivor ON cnx_identity_merges (entity_type, survivor_id);

        CREATE TABLE cnx_base_snapshots (
            system TEXT NOT NULL,
            entity_type TEXT NOT NULL,
            canonical_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            snapshot BLOB NOT NULL,
            source_version INTEGER NULL,
            source_modified_at INTEGER NULL,
            PRIMARY KEY (system, entity_type, canonical_id)) WITHOUT ROWID;

        CREATE TABLE cnx_echo_fingerprints (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            system TEXT NOT NULL,
            entity_type TEXT NOT NULL,
            canonical_id TEXT NOT NULL,
            field_paths TEXT NOT NULL,
            hash INTEGER NOT NULL,
            written_at INTEGER NOT NULL);
        CREATE INDEX ix_cnx_echo_fingerprints_key ON cnx_echo_fingerprints (system, entity_type, canonical_id, written_at);
        CREATE INDEX ix_cnx_echo_fingerprints_written ON cnx_echo_fingerprints (written_at);

        CREATE TABLE cnx_conflicts (
            entity_type TEXT NOT NULL,
            canonical_id TEXT NOT NULL,
            system TEXT NOT NULL,
            field_path TEXT NOT NULL,
            owner TEXT NOT NULL,
            stage TEXT NOT NULL,
            base_value TEXT NULL,
            current_value TEXT NULL,
            incoming_value TEXT NULL,
            detected_at INTEGER NOT NULL,
            PRIMARY KEY (entity_type, canonical_id, system, field_path)) WITHOUT ROWID;
        """,
    ];

    public static int LatestVersion => Migrations.Length;
}
