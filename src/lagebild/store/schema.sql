-- lagebild corpus store, store schema 2 (see docs/store.md).
-- Every statement is idempotent: the schema is applied on each open. Columns added since
-- schema 1 are nullable, so db.py can add them to an older store with ALTER TABLE.

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
    estimated_date   TEXT,            -- the dating layer's estimate (same forms), or NULL
    date_consistent  INTEGER,         -- 1/0: stated date judged consistent with the text; NULL: not judged
    date_confidence  REAL,            -- the dating layer's confidence in its estimate
    date             TEXT,            -- effective date: the estimate where the stated date is
                                      -- inconsistent or missing, else the stated date
    url              TEXT,
    source           TEXT,
    title            TEXT,
    lagebild_version TEXT NOT NULL,   -- lagebild.__version__ that produced the analysis
    schema_version   TEXT NOT NULL,   -- analysis JSON schema version (docs/schema.md)
    analysed_at      TEXT NOT NULL,   -- UTC, ISO 8601
    analysis         TEXT NOT NULL    -- the analysis JSON, exactly as produced
);
CREATE INDEX IF NOT EXISTS documents_stated_date ON documents(stated_date);
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
CREATE INDEX IF NOT EXISTS documents_version ON documents(lagebild_version);

CREATE TABLE IF NOT EXISTS statements (
    sid                   INTEGER PRIMARY KEY,
    doc_id                TEXT NOT NULL REFERENCES documents(doc_id),
    n                     INTEGER NOT NULL,   -- 1-based, "st<n>" in the analysis
    kind                  TEXT NOT NULL,      -- direct | indirect | mixed
    speaker_name          TEXT,
    speaker_entity        TEXT,               -- KB id of the speaker, or NULL
    speaker_actor         TEXT COLLATE NOCASE, -- actor key of the speaker (see entities.actor)
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
    time_value            TEXT,               -- TIMEX3 value of when it was said, or NULL
    UNIQUE (doc_id, n)
);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements(speaker_name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS statements_kind ON statements(kind);
CREATE INDEX IF NOT EXISTS statements_speaker_actor ON statements(speaker_actor);

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

-- Entity mentions from the actors layer. `actor` is the key that groups mentions into one
-- actor across documents: the KB id when the mention is linked, else its canonical name.
CREATE TABLE IF NOT EXISTS entities (
    doc_id  TEXT NOT NULL REFERENCES documents(doc_id),
    n       INTEGER NOT NULL,
    start   INTEGER,
    "end"   INTEGER,
    text    TEXT,
    label   TEXT,
    kb_id   TEXT,
    name    TEXT,
    country TEXT,
    role    TEXT,
    cluster INTEGER,
    actor   TEXT COLLATE NOCASE,
    PRIMARY KEY (doc_id, n)
);
CREATE INDEX IF NOT EXISTS entities_kb_id ON entities(kb_id);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS entities_text ON entities(text COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS entities_actor ON entities(actor);

-- Coded events from the events layer, one row per event; `event` is its JSON as produced.
CREATE TABLE IF NOT EXISTS events (
    doc_id        TEXT NOT NULL REFERENCES documents(doc_id),
    n             INTEGER NOT NULL,   -- 1-based order in the analysis
    event_id      TEXT,               -- "ev<n>" in the analysis
    type          TEXT,               -- PLOVER event type, e.g. THREATEN
    mode          TEXT,
    actor         TEXT,               -- names of the actors, joined by "; "
    recipient     TEXT,               -- names of the recipients, joined by "; "
    trigger_start INTEGER,
    trigger_end   INTEGER,
    trigger_text  TEXT,
    negated       INTEGER,            -- 0/1
    modality      TEXT,
    statement     TEXT,               -- "st<n>" when the event is reported in a statement
    date          TEXT,               -- YYYY[-MM[-DD]] of the event, or NULL
    date_source   TEXT,               -- text | document
    location_name TEXT,
    location_entity TEXT,
    cameo         TEXT,
    quad_class    INTEGER,
    goldstein     REAL,
    confidence    REAL,
    event         TEXT NOT NULL,      -- the event JSON
    PRIMARY KEY (doc_id, n)
);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_date ON events(date);

-- The actors and recipients of each event, one row per participant.
CREATE TABLE IF NOT EXISTS event_actors (
    doc_id        TEXT NOT NULL REFERENCES documents(doc_id),
    n             INTEGER NOT NULL,   -- events.n
    role          TEXT NOT NULL,      -- actor | recipient
    i             INTEGER NOT NULL,   -- 0-based position in that list
    name          TEXT,
    entity        TEXT,               -- KB id
    country       TEXT,               -- ISO-3
    sector        TEXT,               -- GOV, MIL, CVL, …
    mention_start INTEGER,
    mention_end   INTEGER,
    actor         TEXT COLLATE NOCASE, -- actor key, as in entities.actor
    PRIMARY KEY (doc_id, n, role, i)
);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors(actor);
CREATE INDEX IF NOT EXISTS event_actors_country ON event_actors(country);

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
