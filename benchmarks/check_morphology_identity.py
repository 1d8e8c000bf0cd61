"""Proof that lagebild's fast tokenizer and HanTa path give SoMaJo's and HanTa's results.

    python benchmarks/check_morphology_identity.py [--limit N] [CORPUS ...]

Tokenizes every text with SoMaJo as shipped and with lagebild's tokenizer setup (same tokens,
offsets, sentences), runs the morphology layer twice, once with HanTa as shipped and once with
the fast word analysis (src/lagebild/nlp/hanta_fast.py), and compares pos, lemma, stem and
suffix of every token; then compares HanTa's word-level answers (POS log-probabilities and
segmentations) for every distinct word form. CORPUS: wikinews (all 700 articles), news
(news-statements dev), spkatt (every 4th Bundestag speech), or JSONL files; default all three.
Exits with status 1 if anything differs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import corpus_texts  # noqa: E402

FIELDS = ("pos", "lemma", "stem", "suffix")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpora", nargs="*", default=["wikinews", "news", "spkatt"])
    parser.add_argument("--limit", type=int, help="texts per corpus")
    args = parser.parse_args()

    from lagebild.nlp.morphology import Morphology, load_tagger

    reference, fast = load_tagger(fast=False), load_tagger(fast=True)
    failures = 0
    for corpus in args.corpora:
        texts = corpus_texts(corpus, args.limit)
        token_diffs, words, tokens, seconds = compare_tokens(texts, Morphology(reference), Morphology(fast))
        word_diffs, analyses = compare_words(reference, fast, words)
        failures += len(token_diffs) + len(word_diffs)
        print(f"{corpus}: {len(texts)} texts, {tokens} tokens, {len(token_diffs)} differing tokens; "
              f"{analyses} word analyses, {len(word_diffs)} differing; CPU s reference {seconds[0]:.1f}, fast {seconds[1]:.1f}")
        for diff in (token_diffs + word_diffs)[:20]:
            print("  ", diff)
    print("IDENTICAL" if failures == 0 else f"DIFFERENT: {failures}")
    sys.exit(1 if failures else 0)


def compare_tokens(texts: list[str], reference, fast) -> tuple[list, set[str], int, tuple[float, float]]:
    """Tokens and sentences of SoMaJo as shipped and of the fast tokenizer, then every token's
    morphology fields under both taggers; also the distinct word forms, lower-cased as HanTa
    analyses them."""
    from lagebild.document import Document
    from lagebild.nlp.tokenize import Tokenizer

    tokenizers = (Tokenizer(fast=False), Tokenizer(fast=True))
    diffs, words, count, seconds = [], set(), 0, [0.0, 0.0]
    for number, text in enumerate(texts):
        docs = [Document.from_text(text) for _ in tokenizers]
        for doc, tokenizer in zip(docs, tokenizers, strict=True):
            tokenizer(doc)
        ref_doc, doc = docs
        if _layout(ref_doc) != _layout(doc):
            diffs.append((number, "tokenizer", _first_difference(_layout(ref_doc), _layout(doc))))
            continue
        results = []
        for which, morphology in enumerate((reference, fast)):
            for token in doc.tokens:
                token.pos = token.lemma = token.stem = token.suffix = ""
            start = time.process_time()
            morphology(doc)
            seconds[which] += time.process_time() - start
            results.append([tuple(getattr(token, field) for field in FIELDS) for token in doc.tokens])
        count += len(doc.tokens)
        words.update(token.text.lower() for token in doc.tokens)
        diffs += [(number, token.text, ref, got) for token, ref, got in zip(doc.tokens, *results, strict=True) if ref != got]
    return diffs, words, count, (seconds[0], seconds[1])


def _layout(doc) -> list[tuple]:
    tokens = [(t.i, t.start, t.end, t.text, t.sent, t.space_after) for t in doc.tokens]
    sentences = [(s.i, s.start, s.end, s.first_token, s.last_token, s.paragraph) for s in doc.sentences]
    return tokens + sentences


def _first_difference(expected: list, got: list) -> tuple:
    return next(((a, b) for a, b in zip(expected, got, strict=False) if a != b), (len(expected), len(got)))


def compare_words(reference, fast, words: set[str]) -> tuple[list, int]:
    """HanTa's word-level answers for every distinct word form: the POS log-probabilities, float
    for float and of the same type, and the segmentation for each of those POS."""
    diffs, count = [], 0
    for word in sorted(words):
        ref_forward, fast_forward = reference.analyze_forward(word), fast.analyze_forward(word)
        count += 1
        if ref_forward != fast_forward or _types(ref_forward) != _types(fast_forward):
            diffs.append(("analyze_forward", word, ref_forward, fast_forward))
        for pos, _ in ref_forward:
            count += 1
            ref_path, fast_path = reference.analyze_viterbi(word, -pos), fast.analyze_viterbi(word, -pos)
            if ref_path != fast_path:
                diffs.append(("analyze_viterbi", word, pos, ref_path, fast_path))
    return diffs, count


def _types(value: list) -> list[str]:
    return [type(item).__name__ for pair in value for item in pair]


if __name__ == "__main__":
    main()
