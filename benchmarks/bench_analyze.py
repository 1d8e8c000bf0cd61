"""Throughput and peak memory of `analyze` on one core.

    python benchmarks/bench_analyze.py [CORPUS] [--repeat N] [--limit N]

CORPUS is a JSONL file with a `text` per line, or `news` (the default,
../shared/data/news-statements/dev.jsonl, 31 texts), `wikinews` (700 distinct WikiNews
articles: a cold pass where nearly every article brings new word forms) or `spkatt`.
Reports articles/s and tokens/s from CPU time (`time.process_time`, robust when other jobs
share the cores; wall-clock figures alongside), the model loading time and the peak resident
memory of the process.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import corpus_texts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default="news")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, help="first N texts of the corpus")
    parser.add_argument("--reference", action="store_true", help="SoMaJo and HanTa as shipped (the speed before lagebild's fast paths)")
    args = parser.parse_args()
    texts = corpus_texts(args.corpus, args.limit)

    start = time.perf_counter()
    from lagebild.pipeline import Pipeline, default_layers

    pipeline = Pipeline(reference_layers(default_layers()) if args.reference else None)
    pipeline.analyze("Aufwärmen: „Wir kommen“, sagte er.")
    load = time.perf_counter() - start

    passes = [run_pass(pipeline, texts) for _ in range(args.repeat)]
    articles, tokens, cpu, wall = passes[0]
    warm = passes[1:] or passes
    warm_cpu, warm_wall = sum(p[2] for p in warm), sum(p[3] for p in warm)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "corpus": args.corpus,
        "tokenizer_and_morphology": "SoMaJo and HanTa as shipped" if args.reference else "lagebild fast paths",
        "articles": articles,
        "mean_tokens_per_article": round(tokens / articles),
        # first pass: every word form is new to the process (the honest figure for small jobs)
        "cold_articles_per_s": round(articles / cpu, 1),
        "cold_tokens_per_s": round(tokens / cpu),
        "cold_articles_per_wall_s": round(articles / wall, 1),
        # later passes: word analyses memoised, as in a long-running corpus job
        "warm_articles_per_s": round(articles * len(warm) / warm_cpu, 1),
        "warm_tokens_per_s": round(tokens * len(warm) / warm_cpu),
        "warm_articles_per_wall_s": round(articles * len(warm) / warm_wall, 1),
        "load_s": round(load, 2),
        "peak_rss_mb": round(peak_mb),
    }
    print(json.dumps(result, indent=2))


def reference_layers(layers: list) -> list:
    """The default layers with tokenizer and morphology on SoMaJo and HanTa as shipped."""
    from lagebild.nlp.morphology import Morphology, load_tagger
    from lagebild.nlp.tokenize import Tokenizer

    replaced = {Tokenizer: lambda: Tokenizer(fast=False), Morphology: lambda: Morphology(load_tagger(fast=False))}
    return [replaced[type(layer)]() if type(layer) in replaced else layer for layer in layers]


def run_pass(pipeline, texts: list[str]) -> tuple[int, int, float, float]:
    """Articles, tokens, CPU seconds and wall-clock seconds of one pass over the texts."""
    tokens = 0
    cpu, wall = time.process_time(), time.perf_counter()
    for text in texts:
        tokens += len(pipeline.analyze(text).doc.tokens)
    return len(texts), tokens, time.process_time() - cpu, time.perf_counter() - wall


if __name__ == "__main__":
    main()
