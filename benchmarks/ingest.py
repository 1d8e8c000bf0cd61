"""Corpus store benchmark: ingest throughput, query latency, store size.

Builds a corpus of --docs documents (default 20,000) from the real news texts in
../shared/data (the 31 news articles and the 700 WikiNews articles, repeated; each copy gets
its own id, a date shifted by a few days and a closing line, so that ids and text hashes all
differ), then:

  * ingests it with 1 local worker, 2 local workers and Ray (2 actors), each into a fresh
    store, and reports documents/s;
  * times every query command of the store (median of --repeat runs) on the 1-worker store;
  * reports the store size per document.

    python benchmarks/ingest.py                      # the full run (long on 2 cores)
    python benchmarks/ingest.py --docs 300 --engines local1,ray2
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from lagebild.store import (
    actors,
    export,
    ingest,
    search,
    statements,
    timeline,
    write_network,
)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
ENGINES = {"local1": ("local", 1), "local2": ("local", 2), "ray2": ("ray", 2)}
_WIKINEWS_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\.json$")


# ------------------------------------------------------------------------------ corpus


def base_texts(data: Path) -> list[dict]:
    """The real texts: {text, date} (date None when the text carries its own header)."""
    texts = []
    with (data / "news-statements" / "dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts.append({"text": record["text"], "date": record.get("date")})
    for path in sorted((data / "wikinews-spkatt" / "train").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        sentences = [" ".join(s["Tokens"]) for s in document["Sentences"]]
        found = _WIKINEWS_DATE.search(path.name)
        texts.append({"text": "\n".join(sentences), "date": found.group(1) if found else None})
    if not texts:
        raise SystemExit(f"no texts under {data}")
    return texts


def corpus_records(texts: list[dict], n: int) -> Iterator[dict]:
    for i in range(n):
        base = texts[i % len(texts)]
        copy = i // len(texts)
        record = {"id": f"bench-{i:07d}", "text": f"{base['text']}\n\nFassung {copy + 1}."}
        if base["date"]:
            day = dt.date.fromisoformat(base["date"]) + dt.timedelta(days=3 * copy)
            record["date"] = day.isoformat()
        yield record


def write_corpus(path: Path, data: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in corpus_records(base_texts(data), n):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# ------------------------------------------------------------------------------ ingest


def fresh(db: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db


def run_ingest(corpus: Path, db: Path, engine: str, workers: int) -> dict:
    started = time.perf_counter()
    stats = ingest([str(corpus)], fresh(db), workers=workers, engine=engine, progress=False)
    wall = time.perf_counter() - started
    return {
        "documents": stats.ingested,
        "failed": len(stats.failed),
        "failure_reasons": sorted({f.split(": ", 1)[-1] for f in stats.failed})[:5],
        "seconds": round(wall, 1),
        "docs_per_s": round(stats.ingested / wall, 2) if wall else 0.0,
    }


# ----------------------------------------------------------------------------- queries


def most_common(db: Path) -> dict[str, str]:
    """Query arguments that hit something in this corpus: its busiest speaker and actor."""
    conn = sqlite3.connect(db)
    try:
        speaker = conn.execute(
            "SELECT speaker_name FROM statements WHERE speaker_name IS NOT NULL "
            "GROUP BY speaker_name ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        actor = conn.execute(
            "SELECT actor FROM entities WHERE actor IS NOT NULL "
            "GROUP BY actor ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return {
        "speaker": speaker[0] if speaker else "Merkel",
        "actor": actor[0] if actor else "Merkel",
    }


def query_commands(db: Path, work: Path) -> dict[str, Callable[[], object]]:
    common = most_common(db)
    speaker, actor = common["speaker"], common["actor"]

    def network() -> object:
        return write_network(db, work / "network.graphml")

    def parquet() -> object:
        shutil.rmtree(work / "export", ignore_errors=True)
        return export(db, "parquet", work / "export")

    return {
        "search Regierung": lambda: search(db, "Regierung"),
        f"statements --speaker {speaker}": lambda: statements(db, speaker=speaker),
        f"statements --about {actor}": lambda: statements(db, about=actor),
        "statements --about Krieg": lambda: statements(db, about="Krieg"),
        "statements --since 2010 --until 2011": lambda: statements(db, since="2010", until="2011"),
        "actors --top 20": lambda: actors(db, top=20),
        "actors --label PER --top 20": lambda: actors(db, labels=["PER"], top=20),
        f"timeline {actor} --by month": lambda: timeline(db, actor, by="month"),
        f"timeline {actor} --by week": lambda: timeline(db, actor, by="week"),
        "network -o network.graphml": network,
        "export --format parquet": parquet,
    }


def time_queries(db: Path, work: Path, repeat: int) -> dict[str, float]:
    timings = {}
    for name, command in query_commands(db, work).items():
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            command()
            runs.append(time.perf_counter() - started)
        timings[name] = round(statistics.median(runs) * 1000, 1)
        print(f"  {name}: {timings[name]} ms", flush=True)
    return timings


def store_size(db: Path) -> dict[str, float]:
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        documents, text, analysis = conn.execute(
            "SELECT count(*), sum(length(CAST(text AS BLOB))), sum(length(CAST(analysis AS BLOB))) FROM documents"
        ).fetchone()
    finally:
        conn.close()
    size = os.path.getsize(db)
    return {
        "documents": documents,
        "bytes": size,
        "bytes_per_document": round(size / documents) if documents else 0,
        "text_bytes_per_document": round(text / documents) if documents else 0,
        "analysis_json_bytes_per_document": round(analysis / documents) if documents else 0,
    }


# -------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000, help="corpus size (default 20000)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument(
        "--work", type=Path, default=Path("/tmp/lagebild-bench"), help="scratch folder"
    )
    parser.add_argument(
        "--engines", default="local1,local2,ray2", help=f"comma list of {', '.join(ENGINES)}"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per query (median)")
    parser.add_argument("--results", type=Path, help="write the figures here as JSON")
    parser.add_argument(
        "--queries-only",
        action="store_true",
        help="time the queries on the store a previous run left in --work; no corpus, no ingest",
    )
    args = parser.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e]
    unknown = [e for e in engines if e not in ENGINES]
    if unknown:
        parser.error(f"unknown engine {unknown[0]}; use {', '.join(ENGINES)}")

    args.work.mkdir(parents=True, exist_ok=True)
    results: dict = {"docs": args.docs, "cpus": os.cpu_count(), "ingest": {}}
    if not args.queries_only:
        corpus = write_corpus(args.work / "corpus.jsonl", args.data, args.docs)
        print(f"corpus: {args.docs} documents, {corpus.stat().st_size / 1e6:.1f} MB", flush=True)
    for name in [] if args.queries_only else engines:
        engine, workers = ENGINES[name]
        print(f"ingest {name} …", flush=True)
        results["ingest"][name] = run_ingest(corpus, args.work / f"{name}.db", engine, workers)
        print(f"  {results['ingest'][name]}", flush=True)
    queried = args.work / f"{engines[0]}.db"
    print(f"queries on {queried.name}:", flush=True)
    results["query_ms"] = time_queries(queried, args.work, args.repeat)
    results["store"] = store_size(queried)
    print(f"store: {results['store']}", flush=True)
    if args.results:
        args.results.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    json.dump(results, sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
