"""Faster word and sentence analysis for HanTa with exactly HanTa's results.

HanTa analyses a word form outside its lexicon with two dynamic programmes over all
segmentations of the word (`analyze_forward` for the POS distribution, `analyze_viterbi` for
the morphemes behind the lemma). For every active state, every segment and every following tag
they call `lp_m_t`, which mostly answers -inf: the segment is no known morpheme of that tag and
the tag is no open class that may guess unknown morphemes.

This module computes the same tables with the same floating-point operations, but scores each
(start, tag) pair once per row instead of once per state: the finite scores of all segments
word[i:j] for a tag, found through an index morpheme → tag → log-probability and, for open-class
tags, guessed from the segment's length and its last letters (suffix scores computed once per
word). States then only visit the segments that can score. Every table row receives its
candidates in HanTa's order (states in row order, follower tags in model order), because HanTa
breaks ties by that order (first best state wins in the Viterbi; stable sorts of the POS list).
`rowbound` pruning is HanTa's own.

The sentence Viterbi (`tag_sent_viterbi`) likewise visits only the tags a word can have, in the
transition table's order, and memoises those per word form.

Checked against HanTa on whole corpora by benchmarks/check_morphology_identity.py and by
tests/test_morphology_fast.py.
"""

from __future__ import annotations

import math
from operator import itemgetter
from types import MethodType

from numpy import logaddexp

EMPTY, START, END, UNKNOWN, END_UNKNOWN = 0, 1, 2, 3, -3
LOWERBOUND = -1e6
WHOLE_WORD_PENALTY = 4.6  # HanTa's penalty for taking the whole word as one unknown morpheme
NO_FOLLOWERS: tuple = ()
VERIFIED_HANTA = {"1.2.1"}  # releases whose algorithms this module was checked against
MEMOISED_WORDS = 200_000  # tag candidates kept per word form and case flag


class FastAnalyzer:
    """Replacement for `analyze_forward`, `analyze_viterbi` and `tag_sent_viterbi` of one
    loaded HanoverTagger."""

    def __init__(self, tagger) -> None:
        self.tagger = tagger
        self.morph_tags = _morpheme_index(tagger.LP_m_t)
        self.longest_morpheme = max(map(len, self.morph_tags))
        self.guessable = {} if tagger.strict else _guess_tables(tagger)
        self.final = tagger.LP_trans_final
        self.followups = {state: tuple(followers) for state, followers in tagger.LP_trans_nonfinal.items()}
        self._targeted: dict[int, dict] = {}
        self._candidates: dict[tuple[str, bool], tuple] = {}
        self.word_tags = _shared_order(tagger.LP_trans_word)
        self.word_tag_rank = {tag: rank for rank, tag in enumerate(self.word_tags or ()) if tag != END}

    def install(self) -> bool:
        """Make the tagger use the fast analyses (HanTa calls them through `self`), if this
        module reproduces the installed HanTa release; otherwise leave HanTa as it is."""
        if _hanta_version() not in VERIFIED_HANTA:
            return False
        self.tagger.analyze_forward = MethodType(_forward, self)
        self.tagger.analyze_viterbi = MethodType(_viterbi, self)
        if self.word_tags is not None:
            self.tagger.tag_sent_viterbi = MethodType(_tag_sent_viterbi, self)
        return True

    def word_candidates(self, word: str, casesensitive: bool) -> tuple[tuple[int, float], ...]:
        """The tags the sentence Viterbi tries for a word, in transition-table order, with
        HanTa's conditional log-probabilities; every tag at 0 when HanTa knows nothing. Memoised:
        HanTa's answer depends on the word and the case flag only."""
        key = (word, casesensitive)
        candidates = self._candidates.get(key)
        if candidates is None:
            if len(self._candidates) >= MEMOISED_WORDS:
                self._candidates.clear()
            wprobs = dict(self.tagger._tag_word(word, cutoff=5, casesensitive=casesensitive, conditional=True))
            if len(wprobs) == 1 and UNKNOWN in wprobs:  # HanTa: wrong settings, anything goes
                wprobs = {}
            if wprobs:
                ranks = self.word_tag_rank
                candidates = tuple((tag, wprobs[tag]) for tag in sorted((t for t in wprobs if t in ranks), key=ranks.__getitem__))
            else:
                candidates = tuple((tag, 0) for tag in self.word_tags if tag != END)
            self._candidates[key] = candidates
        return candidates

    def targeted_followups(self, targetpos: int) -> dict:
        """Per state the followers that can still reach `targetpos` (HanTa filters per call)."""
        followups = self._targeted.get(targetpos)
        if followups is None:
            reachable = self.tagger.reachability.get(targetpos, frozenset())
            followups = {state: tuple((t, p) for t, p in followers if t in reachable) for state, followers in self.tagger.LP_trans_nonfinal.items()}
            self._targeted[targetpos] = followups
        return followups


class _OpenClass:
    """What HanTa needs to score an unknown morpheme of an open-class tag."""

    __slots__ = ("by_length", "suffixes", "keys")

    def __init__(self, tagger, tag: int, keys: frozenset[str]) -> None:
        # HanTa sums Int_t + LP_hapax_t + LP_len_t + suffix left to right: the partial sum is exact
        head = tagger.Int_t + tagger.LP_hapax_t[tag]
        self.by_length = [head + lp for lp in tagger.LP_len_t[tag][:25]]
        self.suffixes = tagger.LP_s_t[tag]
        self.keys = keys  # the suffixes this tag scores, one object shared by tags with equal sets

    def length_score(self, mlen: int) -> float:
        return self.by_length[mlen if mlen < 24 else 24]


def _hanta_version() -> str:
    from importlib.metadata import version

    return version("HanTa")


def _morpheme_index(lp_m_t: dict) -> dict[str, tuple[tuple[int, float], ...]]:
    """morpheme → its (tag, log-probability) pairs (tuples: a third of the memory of dicts)."""
    index: dict[str, list[tuple[int, float]]] = {}
    for tag, morphemes in lp_m_t.items():
        for morpheme, lp in morphemes.items():
            index.setdefault(morpheme, []).append((tag, lp))
    return {morpheme: tuple(pairs) for morpheme, pairs in index.items()}


def _guess_tables(tagger) -> dict[int, _OpenClass]:
    shared: dict[frozenset[str], frozenset[str]] = {}
    tables = {}
    for tag in tagger.LP_hapax_t:
        if tag in tagger.LP_s_t:
            keys = frozenset(tagger.LP_s_t[tag])
            tables[tag] = _OpenClass(tagger, tag, shared.setdefault(keys, keys))
    return tables


def _longest_suffixes(text: str, keys: frozenset[str]) -> list[list[str]]:
    """longest[k][j]: the longest of text[j - k:j], text[j - k + 1:j], …, "" in `keys`; HanTa
    scores a guessed morpheme ending at j by it, with k = min(length - 1, 4)."""
    longest = [[""] * (len(text) + 1) for _ in range(5)]
    for j in range(1, len(text) + 1):
        suffix = ""
        for k in range(1, min(j, 4) + 1):
            if text[j - k : j] in keys:
                suffix = text[j - k : j]
            longest[k][j] = suffix
    return longest


class _Word:
    """One word form under analysis; its rows and the suffix scores of guessed morphemes are
    computed on first use and shared by all rows."""

    __slots__ = ("analyzer", "text", "length", "rows", "longest", "tails")

    def __init__(self, analyzer: FastAnalyzer, text: str) -> None:
        self.analyzer, self.text, self.length = analyzer, text, len(text)
        self.rows: list[_Row | None] = [None] * len(text)
        self.longest: dict[int, list[list[str]]] = {}
        self.tails: dict[int, list[list[float]]] = {}

    def row(self, i: int) -> _Row:
        row = self.rows[i]
        if row is None:
            row = self.rows[i] = _Row(self, i)
        return row

    def tail_scores(self, tag: int, open_class: _OpenClass) -> list[list[float]]:
        """tails[k][j]: the suffix score of `tag` for a guessed morpheme ending at j."""
        tails = self.tails.get(tag)
        if tails is None:
            longest = self.longest.get(id(open_class.keys))
            if longest is None:
                longest = self.longest[id(open_class.keys)] = _longest_suffixes(self.text, open_class.keys)
            suffixes = open_class.suffixes
            shortest = 0 if self.length < 4 else 2  # no guessed morpheme under 3 letters then
            tails = self.tails[tag] = [[suffixes[suffix] for suffix in row] if k >= shortest else [] for k, row in enumerate(longest)]
        return tails


class _Row:
    """The segments word[i:j] starting at one position: per tag the ends j with a finite score,
    shared by all states of the row. Known morphemes are grouped by tag at once; the scores of
    open-class tags, known or guessed, on first use. The order of the ends does not matter, as
    each end is a different table row."""

    __slots__ = ("i", "known", "guessed")  # no link back to the word: no reference cycle

    def __init__(self, word: _Word, i: int) -> None:
        self.i = i
        morph_tags, text = word.analyzer.morph_tags, word.text
        known: dict[int, list[tuple[int, float]]] = {}
        for j in range(i + 1, min(word.length, i + word.analyzer.longest_morpheme) + 1):
            tags = morph_tags.get(text[i:j])
            if tags is not None:
                for tag, lp in tags:
                    known.setdefault(tag, []).append((j, lp))
        self.known = known
        self.guessed: dict[int, list[tuple[int, float]]] = {}

    def guess(self, word: _Word, tag: int) -> list[tuple[int, float]]:
        """Known scores of the open-class `tag`, and HanTa's guesses for the other segments:
        length score + suffix score, none under 3 letters in words of 4 letters or more, 4.6
        less for the whole word. Scores of -inf stay in: they never beat HanTa's lower bound."""
        i, wlen = self.i, word.length
        open_class = word.analyzer.guessable[tag]
        tails = word.tail_scores(tag, open_class)
        first = i + 1 if wlen < 4 else i + 3
        ends = range(first, wlen + 1)
        scores = [open_class.length_score(j - i) + tails[j - i - 1][j] for j in range(first, min(i + 4, wlen) + 1)]
        if wlen >= i + 5:
            by_length = open_class.by_length
            lengths = by_length[5:25] + [by_length[24]] * max(0, wlen - i - 24)
            scores += [length + tail for length, tail in zip(lengths, tails[4][i + 5 :], strict=False)]
        if i == 0 and scores:
            scores[-1] -= WHOLE_WORD_PENALTY
        emitted = list(zip(ends, scores, strict=True))
        for j, lp in self.known.get(tag, ()):
            if j >= first:
                emitted[j - first] = (j, lp)
            else:
                emitted.append((j, lp))
        self.guessed[tag] = emitted
        return emitted


def _row_bound(row: dict, keep: int) -> float:
    """HanTa's pruning: only states within 1 of the best `keep + 1` go on."""
    if len(row) > keep:
        return sorted(row.values(), reverse=True)[keep] - 1
    return LOWERBOUND


def _forward(self: FastAnalyzer, word: str) -> list:
    """`HanoverTagger.analyze_forward`: log-probability per POS of a word form."""
    wlen = len(word)
    table = [{(EMPTY, START): 0}] + [{} for _ in range(wlen + 1)]
    analysed = _Word(self, word)
    for i in range(wlen):
        _advance(table, None, analysed, i, self.followups, True)
    target = table[-1]
    for state, lp in table[-2].items():
        for tag1, lpt in self.final.get(state, NO_FOLLOWERS):
            lp1 = lp + lpt
            if lp1 > LOWERBOUND:
                newstate = (state[1], tag1)
                if newstate not in target or lp1 > target[newstate]:
                    target[newstate] = lp1
    results = {}
    for state, lp in target.items():
        if lp == -math.inf:
            continue
        pos = -state[1]
        if pos in results:
            results[pos] = logaddexp(results[pos], lp)
        else:
            results[pos] = lp
    result_list = list(results.items())
    result_list.sort(key=itemgetter(1), reverse=True)
    return result_list or [(UNKNOWN, 0)]


def _viterbi(self: FastAnalyzer, word: str, targetpos: int) -> list:
    """`HanoverTagger.analyze_viterbi`: the best segmentation of a word form with POS `targetpos`,
    first with known morphemes only, then allowing guessed ones."""
    wlen = len(word)
    followups = self.targeted_followups(targetpos)
    analysed = _Word(self, word)
    for may_guess in (False, True):
        table = [{(EMPTY, START): 0}] + [{} for _ in range(wlen + 1)]
        backpointer = [{} for _ in range(wlen + 2)]
        for i in range(wlen):
            _advance(table, backpointer, analysed, i, followups, may_guess)
        target = table[-1]
        for state, lp in table[-2].items():
            for tag1, lpt in self.final.get(state, NO_FOLLOWERS):
                if tag1 == targetpos:
                    lp1 = lp + lpt
                    if lp1 > LOWERBOUND:
                        newstate = (state[1], tag1)
                        if newstate not in target or lp1 > target[newstate]:
                            target[newstate] = lp1
                            backpointer[-1][newstate] = (state, wlen)
                    break
        if target:
            break
    return _best_path(table[-1], backpointer)


def _best_path(last_row: dict, backpointer: list) -> list[tuple[int, int]]:
    """HanTa's backtrace: (tag, end) per morpheme of the best final state (the first of equals),
    or the whole word as one unknown morpheme."""
    pmax, beststate = -math.inf, (EMPTY, EMPTY)
    for state, lp in last_row.items():
        if lp > pmax:
            pmax, beststate = lp, state
    i = len(backpointer) - 1
    if beststate == (EMPTY, EMPTY):
        states = [((UNKNOWN, END_UNKNOWN), i), ((START, UNKNOWN), i - 1)]
    else:
        states = [(beststate, i)]
        state = beststate
        while i > 0:
            state, i = backpointer[i][state]
            states.append((state, i))
        states = states[:-1]
    return [(state[1], i) for (state, i) in states[::-1]]


def _advance(table: list, backpointer: list | None, word: _Word, i: int, followups: dict, may_guess: bool) -> None:
    """Extend every surviving state of row i by one morpheme word[i:j]. HanTa loops over ends j
    and then tags; looping over tags and then ends hands each row j the same candidates in the
    same order, since one (state, tag) pair reaches one state per row."""
    row = table[i]
    rowbound = _row_bound(row, 3)
    segments = known = guessed = None
    guessable = word.analyzer.guessable if may_guess else {}
    for state, lp in row.items():
        if lp < rowbound:
            continue
        followup = followups.get(state, NO_FOLLOWERS)
        if not followup:
            continue
        if segments is None:
            segments = word.row(i)
            known, guessed = segments.known, segments.guessed
        last = state[1]
        for tag1, lpt in followup:
            if tag1 in guessable:
                emitted = guessed.get(tag1)
                if emitted is None:
                    emitted = segments.guess(word, tag1)
            else:
                emitted = known.get(tag1)
                if emitted is None:
                    continue
            base = lp + lpt
            newstate = (last, tag1)
            for j, lpm in emitted:
                lp1 = base + lpm
                if lp1 > LOWERBOUND:
                    target = table[j]
                    if lp1 > target.get(newstate, LOWERBOUND):  # new, or better than before
                        target[newstate] = lp1
                        if backpointer is not None:
                            backpointer[j][newstate] = (state, i)


def _shared_order(transitions: dict) -> list[int] | None:
    """The order of the tags in every transition table of the sentence model, if it is one and
    the same (HanTa's training builds them so); None otherwise."""
    orders = {tuple(followers) for followers in transitions.values()}
    return list(orders.pop()) if len(orders) == 1 else None


def _tag_sent_viterbi(self: FastAnalyzer, sent: list[str], casesensitive: bool = True) -> list[int]:
    """`HanoverTagger.tag_sent_viterbi`: the best tag sequence of a sentence. HanTa tries every
    tag of the transition table and skips those the word cannot have; this visits the word's
    possible tags in the table's order, which is the same for every state."""
    transitions = self.tagger.LP_trans_word
    table: list[dict] = []
    backpointer: list[dict] = []
    for i, w in enumerate(sent):
        candidates = self.word_candidates(w, i > 0 and casesensitive)
        row: dict = {}
        pointers: dict = {}
        backpointer.append(pointers)
        prevrow = {(EMPTY, START): 0.0} if i == 0 else table[i - 1]
        rowbound = _row_bound(prevrow, 5)
        for state, lp0 in prevrow.items():
            if lp0 < rowbound:
                continue
            lp_t = transitions[state]
            last = state[1]
            for c, lpwc in candidates:
                lp = lp0 + lp_t[c] + lpwc
                if lp > LOWERBOUND:
                    newstate = (last, c)
                    old = row.get(newstate)
                    if old is None or lp > old:
                        row[newstate] = lp
                        pointers[newstate] = state
        table.append(row)
    finalstate = (END, EMPTY)
    row = {}
    backpointer.append({})
    for state, lp0 in table[-1].items():
        lp = lp0 + transitions[state].get(END, -math.inf)
        if lp > row.get(finalstate, -math.inf):
            row[finalstate] = lp
            backpointer[-1][finalstate] = state
    tags = []
    state = finalstate
    for i in range(len(backpointer) - 1, 0, -1):
        state = backpointer[i][state]
        tags.append(state[1])
    return tags[::-1]
