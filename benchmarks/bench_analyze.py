"""Throughput and peak memory of `analyze` on one core.

    python benchmarks/bench_analyze.py [CORPUS.jsonl] [--repeat N]

Defaults to ../shared/data/news-statements/dev.jsonl. Reports articles/s, tokens/s, the
model loading time and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-statements" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in Path(args.corpus).read_text(encoding="utf-8").splitlines() if line.strip()]

    start = time.perf_counter()
    from lagebild.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.analyze("Aufwärmen: „Wir kommen“, sagte er.")
    load = time.perf_counter() - start

    passes = [run_pass(pipeline, texts) for _ in range(args.repeat)]
    articles, tokens, elapsed = passes[0]
    warm = passes[1:] or passes
    warm_elapsed = sum(p[2] for p in warm)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "corpus": args.corpus,
        "articles": articles,
        "mean_tokens_per_article": round(tokens / articles),
        # first pass: every word form is new to the process (the honest figure for small jobs)
        "cold_articles_per_s": round(articles / elapsed, 1),
        "cold_tokens_per_s": round(tokens / elapsed),
        # later passes: word analyses memoised, as in a long-running corpus job
        "warm_articles_per_s": round(articles * len(warm) / warm_elapsed, 1),
        "warm_tokens_per_s": round(tokens * len(warm) / warm_elapsed),
        "load_s": round(load, 2),
        "peak_rss_mb": round(peak_mb),
    }
    print(json.dumps(result, indent=2))


def run_pass(pipeline, texts: list[str]) -> tuple[int, int, float]:
    tokens = 0
    start = time.perf_counter()
    for text in texts:
        tokens += len(pipeline.analyze(text).doc.tokens)
    return len(texts), tokens, time.perf_counter() - start


if __name__ == "__main__":
    main()
