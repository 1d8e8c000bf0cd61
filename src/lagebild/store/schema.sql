-- lagebild corpus store, store schema 1 (see docs/store.md).
-- Every statement is idempotent: the schema is applied on each open.

CREATE TABLE IF NOT EXISTS store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per input document. doc_id is the document identity: the record id, or the
-- sha256 (hex) of the text when the record has none. rid is a stable integer alias used
-- as the rowid of the full-text index.
CREATE TABLE IF NOT EXISTS documents (
    rid              INTEGER PRIMARY KEY,
    doc_id           TEXT NOT NULL UNIQUE,
    text             TEXT NOT NULL,
    stated_date      TEXT,            -- YYYY, YYYY-MM or YYYY-MM-DD, or NULL
    url              TEXT,
    source           TEXT,
    title            TEXT,
    lagebild_version TEXT NOT NULL,   -- lagebild.__version__ that produced the analysis
    schema_version   TEXT NOT NULL,   -- analysis JSON schema version (docs/schema.md)
    analysed_at      TEXT NOT NULL,   -- UTC, ISO 8601
    analysis         TEXT NOT NULL    -- the analysis JSON, exactly as produced
);
CREATE INDEX IF NOT EXISTS documents_stated_date ON documents(stated_date);
CREATE INDEX IF NOT EXISTS documents_version ON documents(lagebild_version);

CREATE TABLE IF NOT EXISTS statements (
    sid                   INTEGER PRIMARY KEY,
    doc_id                TEXT NOT NULL REFERENCES documents(doc_id),
    n                     INTEGER NOT NULL,   -- 1-based, "st<n>" in the analysis
    kind                  TEXT NOT NULL,      -- direct | indirect | mixed
    speaker_name          TEXT,
    speaker_mention_start INTEGER,
    speaker_mention_end   INTEGER,
    speaker_mention_text  TEXT,
    cue_text              TEXT,
    cue_start             INTEGER,
    cue_end               INTEGER,
    message_start         INTEGER NOT NULL,
    message_end           INTEGER NOT NULL,
    message_text          TEXT NOT NULL,
    medium                TEXT,
    addressee             TEXT,
    sentence              INTEGER,
    UNIQUE (doc_id, n)
);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements(speaker_name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS statements_kind ON statements(kind);

CREATE TABLE IF NOT EXISTS timexes (
    doc_id  TEXT NOT NULL REFERENCES documents(doc_id),
    n       INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT NOT NULL,
    type    TEXT,
    value   TEXT,
    mod     TEXT,
    anchor  TEXT,
    PRIMARY KEY (doc_id, n)
);
CREATE INDEX IF NOT EXISTS timexes_value ON timexes(value);

-- Actors layer; empty until entities are produced, but ready.
CREATE TABLE IF NOT EXISTS entities (
    doc_id  TEXT NOT NULL REFERENCES documents(doc_id),
    n       INTEGER NOT NULL,
    start   INTEGER,
    "end"   INTEGER,
    text    TEXT,
    label   TEXT,
    kb_id   TEXT,
    name    TEXT,
    PRIMARY KEY (doc_id, n)
);
CREATE INDEX IF NOT EXISTS entities_kb_id ON entities(kb_id);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name COLLATE NOCASE);

-- Full-text indexes (external content: the text is stored once, in the base table).
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    text, content='documents', content_rowid='rid', tokenize='unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(
    message_text, content='statements', content_rowid='sid', tokenize='unicode61 remove_diacritics 0'
);

CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, text) VALUES (new.rid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, text) VALUES ('delete', old.rid, old.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE OF text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, text) VALUES ('delete', old.rid, old.text);
    INSERT INTO documents_fts(rowid, text) VALUES (new.rid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS statements_ai AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, message_text) VALUES (new.sid, new.message_text);
END;
CREATE TRIGGER IF NOT EXISTS statements_ad AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, message_text) VALUES ('delete', old.sid, old.message_text);
END;
CREATE TRIGGER IF NOT EXISTS statements_au AFTER UPDATE OF message_text ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, message_text) VALUES ('delete', old.sid, old.message_text);
    INSERT INTO statements_fts(rowid, message_text) VALUES (new.sid, new.message_text);
END;
