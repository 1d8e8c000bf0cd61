"""CPU time of the tokenizer and the morphology layer per article, cold and warm.

    python benchmarks/bench_morphology.py [CORPUS] [--limit N] [--reference]

CORPUS is `wikinews` (default: 700 distinct WikiNews articles), `news`, `spkatt` or a JSONL
file. `--reference` runs SoMaJo and HanTa as shipped instead of lagebild's faster setup
(nlp/tokenize.py, nlp/hanta_fast.py; same results, see check_morphology_identity.py). CPU time
(`time.process_time`) is used because other jobs may share the cores. The first pass is cold
(every word form new to the process), the second warm (word analyses memoised).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import corpus_texts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default="wikinews")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--reference", action="store_true", help="SoMaJo and HanTa as shipped")
    args = parser.parse_args()

    from lagebild.document import Document
    from lagebild.nlp.morphology import Morphology, load_tagger
    from lagebild.nlp.tokenize import Tokenizer

    texts = corpus_texts(args.corpus, args.limit)
    tokenizer = Tokenizer(fast=not args.reference)
    start = time.process_time()
    tagger = load_tagger(fast=not args.reference)
    load = time.process_time() - start
    morphology = Morphology(tagger)

    start = time.process_time()
    docs = [Document.from_text(text) for text in texts]
    for doc in docs:
        tokenizer(doc)
    tokenize = time.process_time() - start
    passes = []
    for _ in range(2):
        start = time.process_time()
        for doc in docs:
            morphology(doc)
        passes.append(time.process_time() - start)
    n = len(docs)
    print(json.dumps({
        "corpus": args.corpus,
        "tools": "SoMaJo and HanTa as shipped" if args.reference else "lagebild fast paths",
        "articles": n,
        "tokens_per_article": round(sum(len(d.tokens) for d in docs) / n),
        "tokenizer_ms_per_article": round(1000 * tokenize / n, 2),
        "morphology_cold_ms_per_article": round(1000 * passes[0] / n, 2),
        "morphology_warm_ms_per_article": round(1000 * passes[1] / n, 2),
        "tagger_load_s": round(load, 2),
    }, indent=2))


if __name__ == "__main__":
    main()
