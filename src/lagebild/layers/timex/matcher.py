"""Matching: candidates from the grammar, combined and normalised against the anchor."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lagebild.layers.timex.arithmetic import (
    _anchor_of_value,
    _easter,
    _shift,
    _shift_exact,
    _valid_day,
    _with_time,
    compose_duration,
    duration_value,
)
from lagebild.layers.timex.grammar import _TOKEN, _Grammar, _norm_key, _Rule
from lagebild.layers.timex.model import Anchor


class _Cand:
    """A candidate match before overlap resolution."""

    __slots__ = ("start", "end", "type", "value", "anchor", "mod", "offset", "prio", "kind", "info")

    def __init__(self, start: int, end: int, type_: str, value: str, anchor: str, mod: str | None = None,
                 prio: int = 0, kind: str = "", info: dict[str, Any] | None = None, offset: str | None = None):
        self.start, self.end, self.type, self.value = start, end, type_, value
        self.anchor, self.mod, self.offset, self.prio = anchor, mod, offset, prio
        self.kind, self.info = kind, info or {}


_OFFSET_MOD_BEFORE = {"MORE_THAN": "BEFORE", "LESS_THAN": "AFTER", "EQUAL_OR_MORE": "ON_OR_BEFORE",
                      "EQUAL_OR_LESS": "ON_OR_AFTER"}
_OFFSET_MOD_AFTER = {"MORE_THAN": "AFTER", "LESS_THAN": "BEFORE", "EQUAL_OR_MORE": "ON_OR_AFTER",
                     "EQUAL_OR_LESS": "ON_OR_BEFORE"}
_QUOTES = "\"'„“”‚‘’«»‹›([–-"


class _Matcher:
    """One run of the grammar over one text."""

    def __init__(self, g: _Grammar, text: str, anchor: Anchor | None, start: int, end: int,
                 exhaustive: bool = False):
        self.g, self.text, self.anchor, self.start, self.end = g, text, anchor, start, end
        self.exhaustive = exhaustive  # try every rule at every token (to test the keys)
        self.doc_label = "document" if anchor is not None else "none"

    # ---------------------------------------------------------------- helpers

    def span_of(self, m: re.Match[str], rule: _Rule) -> tuple[int, int]:
        s, e = m.start(), m.end()
        if rule.has_pre and m.start("pre") >= 0:
            s = m.end("pre")
        text = self.text
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e

    def cand(self, m: re.Match[str], rule: _Rule, value: str, anchor: str, type_: str | None = None,
             mod: str | None = None, kind: str = "", span: tuple[int, int] | None = None,
             **info: Any) -> _Cand:
        s, e = span or self.span_of(m, rule)
        return _Cand(s, e, type_ or rule.type, value, anchor, mod, rule.prio, kind, info)

    def mod_of(self, gd: dict[str, str | None]) -> str | None:
        if gd.get("part"):
            return self.g.lookup(gd["part"], "part")
        if gd.get("mod"):
            return self.g.lookup(gd["mod"], "mod")
        return None

    def month_of(self, gd: dict[str, str | None]) -> int | None:
        if gd.get("month"):
            return self.g.lookup(gd["month"], "month")
        if gd.get("monthn"):
            return int(gd["monthn"])  # type: ignore[arg-type]
        return None

    def year_of(self, text: str) -> int:
        y = int(text)
        if len(text) == 2:
            pivot = self.anchor.date.year + 10 if self.anchor else 2049
            y = 2000 + y if 2000 + y <= pivot else 1900 + y
        return y

    def rel_of(self, gd: dict[str, str | None], *groups: str) -> int | None:
        for gname in groups:
            if gd.get(gname):
                return self.g.lookup(gd[gname], "relative", "relative_year_adv", "relative_span")
        return None

    def year_rel(self, gd: dict[str, str | None]) -> int | None:
        """The anchor's year, moved by a `yrel` group ("vergangenen Jahres")."""
        if self.anchor is None:
            return None
        return self.anchor.date.year + (self.rel_of(gd, "yrel") or 0)

    def day_value(self, n: int = 0) -> str:
        return _shift(self.anchor, "D", n)

    def sentence_initial(self, pos: int) -> bool:
        i = pos - 1
        text = self.text
        while i >= self.start:
            c = text[i]
            if c == "\n":
                return True
            if c.isspace() or c in _QUOTES:
                i -= 1
                continue
            return c in ".!?:"
        return True

    def weekday_value(self, wd: int, rel: int | None) -> str:
        a = self.anchor
        if a is None:
            return f"XXXX-WXX-{wd}"
        if a.granularity != "D":
            return self.day_value()
        cur = a.date.isoweekday()
        if rel is not None and rel < 0:
            k = -((cur - wd) % 7 or 7)
        elif rel is not None and rel > 0:
            k = (wd - cur) % 7 or 7
        else:
            k = (wd - cur + 3) % 7 - 3  # nearest within -3..+3
        return (a.date + dt.timedelta(days=k)).isoformat()

    # ---------------------------------------------------------------- run

    def key_tokens(self) -> tuple[list[int], dict[str, list[int]]]:
        """Token starts, and for each key class the indices of the tokens that belong to it."""
        starts: list[int] = []
        by_class: dict[str, list[int]] = {}
        key_classes = self.g.key_classes
        for i, m in enumerate(_TOKEN.finditer(self.text, self.start, self.end)):
            tok = m.group()
            starts.append(m.start())
            if tok[0].isdigit():
                by_class.setdefault("#digit", []).append(i)
                if len(tok) == 4 and (tok[0] == "1" or tok[:2] == "20"):
                    by_class.setdefault("#year", []).append(i)
                continue
            classes = key_classes.get(tok.casefold())
            if classes:
                for c in classes:
                    by_class.setdefault(c, []).append(i)
        return starts, by_class

    def run(self) -> list[_Cand]:
        cands: list[_Cand] = []
        text, e = self.text, self.end
        starts, by_class = self.key_tokens()
        for rule in self.g.rules:
            if self.exhaustive:
                positions = starts
            else:
                hits = [i for k in rule.keys for i in by_class.get(k, ())]
                if not hits:
                    continue
                positions = sorted({starts[j] for i in hits for j in range(max(0, i - rule.back), i + 1)})
            norm = getattr(self, f"_n_{rule.norm}")
            req = rule.params.get("require")
            reqs = req.split("|") if req else None
            match = rule.regex.match
            for pos in positions:
                m = match(text, pos, e)
                if m is None:
                    continue
                gd = m.groupdict()
                if reqs and not any(gd.get(r) for r in reqs):
                    continue
                if rule.params.get("check") == "sentence_initial" and not self.sentence_initial(m.start()):
                    continue
                out = norm(m, gd, rule)
                if out is None:
                    continue
                if isinstance(out, _Cand):
                    cands.append(out)
                else:
                    cands.extend(out)
        cands = [c for c in cands if c.end > c.start]
        if self.g.block is not None and cands:
            cands = [c for c in cands if not self.blocked(c)]
        cands.extend(self.combine_offsets(cands))
        chosen = self.select(cands)
        chosen = self.merge_clock(chosen)
        self.resolve_anaphora(chosen)
        return chosen

    def blocked(self, c: _Cand) -> bool:
        for b in self.g.block.finditer(self.text, max(self.start, c.start - 60), min(self.end, c.end + 60)):  # type: ignore[union-attr]
            if b.start() < c.end and c.start < b.end():
                return True
        return False

    @staticmethod
    def select(cands: list[_Cand]) -> list[_Cand]:
        """Non-overlapping, longest first; ties: earlier start, then earlier rule."""
        chosen: list[_Cand] = []
        for c in sorted(cands, key=lambda c: (c.start - c.end, c.start, c.prio)):
            if all(c.end <= o.start or o.end <= c.start for o in chosen):
                chosen.append(c)
        chosen.sort(key=lambda c: c.start)
        return chosen

    def combine_offsets(self, cands: list[_Cand]) -> list[_Cand]:
        """`zwei Tage vor dem 14. Juni` (offset + recognised date), and anchor events with a date."""
        by_start: dict[int, list[_Cand]] = {}
        for c in cands:
            if c.type in ("DATE", "TIME") and _anchor_of_value(c.value) is not None:
                by_start.setdefault(c.start, []).append(c)
        if not by_start:
            return []
        out = []
        link = self.g.link_res.get("offset_to_date")
        event_link = self.g.link_res.get("event_to_date")
        for c in cands:
            if c.kind == "duration" and link is not None and isinstance(c.info.get("num"), (int, float)):
                m, t = self._linked_date(link, c.end, by_start)
                if t is None:
                    continue
                sign = -1 if m.group("dir") == self.g.before_word else 1
                n, unit = c.info["num"], c.info["unit"]
                value = _shift_exact(_anchor_of_value(t.value), unit, sign * n)
                mod = _OFFSET_MOD_BEFORE.get(c.mod or "", c.mod) if sign < 0 else _OFFSET_MOD_AFTER.get(c.mod or "", c.mod)
                out.append(_Cand(c.start, t.end, "DATE", value, t.anchor, mod, c.prio, "offset_date",
                                 offset=("-" if sign < 0 else "+") + duration_value(n, unit)))
            elif c.kind == "anchored" and event_link is not None and isinstance(c.info.get("num"), (int, float)):
                _, t = self._linked_date(event_link, c.info["event_end"], by_start)
                if t is None:
                    continue
                c.value = _shift_exact(_anchor_of_value(t.value), c.info["unit"], c.info["sign"] * c.info["num"])
                c.anchor = t.anchor
        return out

    def _linked_date(self, link: re.Pattern[str], start: int, by_start: dict[int, list[_Cand]]):
        """The linking words at `start` (`vor dem`) and the longest date right after them, or
        (match, None) when no date follows."""
        m = link.match(self.text, start, self.end)
        targets = by_start.get(m.end()) if m else None
        return m, max(targets, key=lambda t: t.end - t.start) if targets else None

    def merge_clock(self, chosen: list[_Cand]) -> list[_Cand]:
        """`am Montag um 14 Uhr`, `heute Abend um acht Uhr`, `um 14 Uhr am Montag` → one TIME."""
        to_clock = self.g.link_res.get("date_to_clock")
        to_date = self.g.link_res.get("clock_to_date")
        out: list[_Cand] = []
        i = 0
        while i < len(chosen):
            a = chosen[i]
            b = chosen[i + 1] if i + 1 < len(chosen) else None
            if b is not None:
                merged = None
                if b.kind == "clock" and a.kind != "clock" and a.type in ("DATE", "TIME") and to_clock is not None:
                    m = to_clock.match(self.text, a.end, b.start)
                    if m and m.end() == b.start:
                        merged = self.join_clock(a, b, a.start, b.end)
                elif a.kind == "clock" and b.kind != "clock" and b.type == "DATE" and to_date is not None:
                    m = to_date.match(self.text, a.end, b.start)
                    if m and m.end() == b.start:
                        merged = self.join_clock(b, a, a.start, b.end)
                if merged is not None:
                    out.append(merged)
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    @staticmethod
    def join_clock(day: _Cand, clock: _Cand, start: int, end: int) -> _Cand | None:
        dv = day.value
        dm = re.fullmatch(r"([\dX]{4}(?:-[\dX]{2}){0,2})(?:T(MO|MI|AF|EV|NI|DT))?", dv)
        if not dm or dv.endswith("_REF"):
            return None
        hour, minute = clock.info["hour"], clock.info["minute"]
        part = dm.group(2)
        if part in ("AF", "EV") and hour < 12 or part == "NI" and 6 <= hour < 12:
            hour += 12
        value = _with_time(dm.group(1), f"{hour:02d}:{minute:02d}")
        return _Cand(start, end, "TIME", value, day.anchor, clock.mod or day.mod, day.prio, "clock_date")

    def resolve_anaphora(self, chosen: list[_Cand]) -> None:
        """`am nächsten Tag`, `zwei Jahre später`: against the nearest earlier date in the text."""
        last: _Cand | None = None
        for c in chosen:
            if c.kind == "anaphoric":
                unit, n = c.info["unit"], c.info["n"]
                ref = _anchor_of_value(last.value) if last is not None else None
                if ref is not None and last is not None and isinstance(n, (int, float)):
                    c.value = _shift_exact(ref, unit, n)
                    c.anchor = self.text[last.start : last.end]
            if c.type in ("DATE", "TIME") and _anchor_of_value(c.value) is not None:
                last = c

    # ---------------------------------------------------------------- normalisers
    # Each gets the match, its groupdict and the rule, and returns a _Cand, a list, or None.

    def _n_date(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        month = self.month_of(gd)
        day = int(gd["day"])
        if month is None:
            return None
        explicit = bool(gd.get("year"))
        year = self.year_of(gd["year"]) if explicit else self.year_rel(gd)
        if not _valid_day(year, month, day):
            return None
        ys = f"{year:04d}" if year is not None else "XXXX"
        value = f"{ys}-{month:02d}-{day:02d}"
        type_ = rule.type
        if gd.get("hour"):
            value = f"{value}T{int(gd['hour']):02d}:{gd['minute']}"
            type_ = "TIME"
        elif gd.get("dp"):
            value = f"{value}T{self.g.lookup(gd['dp'], 'daypart')}"
            type_ = "TIME"
        return self.cand(m, rule, value, "explicit" if explicit else self.doc_label, type_, self.mod_of(gd))

    def _n_range(self, m: re.Match[str], gd: dict, rule: _Rule) -> list[_Cand] | None:
        month = self.month_of(gd)
        d1, d2 = int(gd["day"]), int(gd["day2"])
        explicit = bool(gd.get("year"))
        year = self.year_of(gd["year"]) if explicit else (self.anchor.date.year if self.anchor else None)
        if month is None or not (_valid_day(year, month, d1) and _valid_day(year, month, d2)):
            return None
        ys = f"{year:04d}" if year is not None else "XXXX"
        label = "explicit" if explicit else self.doc_label
        e1 = m.end("day") + (1 if self.text[m.end("day") : m.end("day") + 1] == "." else 0)
        return [
            self.cand(m, rule, f"{ys}-{month:02d}-{d1:02d}", label, span=(m.start("day"), e1)),
            self.cand(m, rule, f"{ys}-{month:02d}-{d2:02d}", label, span=(m.start("day2"), m.end())),
        ]

    def _month_year(self, month: int, rel: int | None) -> int | None:
        a = self.anchor
        if a is None:
            return None
        y = a.date.year
        if not rel:
            return y
        if a.granularity == "Y":
            return y + rel
        cur = a.date.month
        if rel < 0:
            return y if month < cur else y - 1
        return y if month > cur else y + 1

    def _n_month(self, m: re.Match[str], gd: dict, rule: _Rule) -> list[_Cand] | _Cand | None:
        month = self.month_of(gd)
        if month is None:
            return None
        rel = self.rel_of(gd, "rel")
        if gd.get("year"):
            year, label = int(gd["year"]), "explicit"
        elif gd.get("yrel"):
            year, label = self.year_rel(gd), self.doc_label
        else:
            year, label = self._month_year(month, rel), self.doc_label
        ys = f"{year:04d}" if year is not None else "XXXX"
        mod = self.mod_of(gd)
        if not gd.get("month2"):
            return self.cand(m, rule, f"{ys}-{month:02d}", label, mod=mod)
        month2 = self.g.lookup(gd["month2"], "month")
        s, _ = self.span_of(m, rule)
        return [
            self.cand(m, rule, f"{ys}-{month:02d}", label, mod=mod, span=(s, m.end("month"))),
            self.cand(m, rule, f"{ys}-{month2:02d}", label, span=(m.start("month2"), m.end())),
        ]

    def _n_year(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        year = int(gd["year"])
        if not gd.get("jahr") and not self._plausible_year(m, rule.params.get("context") == "1"):
            return None
        mod = self.mod_of(gd)
        approx = rule.params.get("approx")
        if mod is None and approx and gd.get("pre") and _norm_key(gd["pre"]) == approx:
            mod = "APPROX"
        return self.cand(m, rule, f"{year:04d}", "explicit", mod=mod)

    _NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\s]+)(?:[ \t\u00a0]+([^\s]+))?")
    _PREV_WORD = re.compile(r"(\S+)[ \t\u00a0]+$")

    def _plausible_year(self, m: re.Match[str], context: bool) -> bool:
        """A 4-digit number is a year unless the words around make it a count or a code."""
        g, text = self.g, self.text
        nxt = self._NEXT_WORD.match(text, m.end("year"), min(self.end, m.end("year") + 60))
        if nxt:
            w1 = nxt.group(1).rstrip(",.;:!?)»«\"“”")
            if w1 and g.lookup(w1, "count_noun") is not None:
                return False
            if not context and w1:
                if w1[0].isdigit() or w1[0] in "%€$":
                    return False
                if w1[0].isupper() and g.lookup(w1, "month", "weekday") is None:
                    return False
                w2 = (nxt.group(2) or "").rstrip(",.;:!?)»«\"“”")
                if w1[0].islower() and w1.endswith(("e", "en", "er", "es", "em")) and w2 and \
                        g.lookup(w2, "count_noun") is not None:
                    return False
        if not context:
            prev = self._PREV_WORD.search(text, max(self.start, m.start() - 40), m.start())
            if prev and g.lookup(prev.group(1), "count_before") is not None:
                return False
        return True

    def _n_relunit(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        mod = self.mod_of(gd)
        rel = self.rel_of(gd, "rel", "rel2")
        if gd.get("partunit"):
            unit, mod = self.g.lookup(gd["partunit"], "part_compound").split()
            rel = 0
        elif gd.get("relunitw"):
            code = self.g.lookup(gd["relunitw"], "relative_compound")
            unit, rel = re.fullmatch(r"([A-Z]+)([+-]\d+)", code).groups()  # type: ignore[union-attr]
            rel = int(rel)
        else:
            unit = self.g.lookup(gd.get("unit"), "unit_sg") or rule.params.get("unit")
        if unit is None:
            return None
        if gd.get("year"):
            if unit != "Y" or rel:
                return None
            return self.cand(m, rule, f"{int(gd['year']):04d}", "explicit", mod=mod)
        return self.cand(m, rule, _shift(self.anchor, unit, rel or 0), self.doc_label, mod=mod)

    def _n_relday(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        if gd.get("relday"):
            n = self.g.lookup(gd["relday"], "relative_day", "relative_day_exact")
        else:
            n = int(rule.params.get("relday", "0"))
        if n is None:
            return None
        value = self.day_value(n)
        dp = self.g.lookup(gd.get("dp"), "daypart_after", "daypart")
        if dp:
            return self.cand(m, rule, _with_time(value, dp), self.doc_label, "TIME")
        return self.cand(m, rule, value, self.doc_label, "DATE")

    def _n_weekday(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        wd = self.g.lookup(gd["weekday"], "weekday")
        if wd is None:
            return None
        if gd.get("reldayadj"):
            value = self.day_value(self.g.lookup(gd["reldayadj"], "relative_day_adj"))
        else:
            value = self.weekday_value(wd, self.rel_of(gd, "rel"))
        dp = (self.g.lookup(gd.get("dp"), "daypart_suffix") or self.g.lookup(gd.get("dp2"), "daypart_after")
              or rule.params.get("dp"))
        if dp:
            if value.startswith("XXXX-W"):
                value = "XXXX-XX-XX"
            return self.cand(m, rule, _with_time(value, dp), self.doc_label, "TIME")
        return self.cand(m, rule, value, self.doc_label, "DATE")

    def _n_weekend(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        rel = self.rel_of(gd, "rel")
        a = self.anchor
        if a is None:
            return self.cand(m, rule, "XXXX-WXX-WE", "none")
        if a.granularity != "D":
            return self.cand(m, rule, self.day_value(), self.doc_label)
        d, wd = a.date, a.date.isoweekday()
        if rel is not None and rel < 0:
            ref = d - dt.timedelta(days=wd)  # the Sunday before
        elif rel is not None and rel > 0:
            ref = d + dt.timedelta(days=(6 - wd) % 7 or 7)  # the next Saturday
        else:
            ref = d - dt.timedelta(days=3)  # Mon-Wed: the weekend just past; Thu-Sun: this week's
        y, w, _ = ref.isocalendar()
        return self.cand(m, rule, f"{y:04d}-W{w:02d}-WE", self.doc_label)

    def _n_season(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        code = self.g.lookup(gd["season"], "season")
        if code is None:
            return None
        mod = self.mod_of(gd)
        if gd.get("year"):
            return self.cand(m, rule, f"{int(gd['year']):04d}-{code}", "explicit", mod=mod)
        a = self.anchor
        if a is None:
            return self.cand(m, rule, f"XXXX-{code}", "none", mod=mod)
        year = a.date.year
        yrel = self.rel_of(gd, "yrel")
        rel = self.rel_of(gd, "rel")
        if yrel:
            year += yrel
        elif rel and a.granularity == "Y":
            year += rel
        elif rel:
            first, last = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}[code]
            cur = a.date.month
            if rel < 0:
                year = year if cur > last and code != "WI" else year - 1
            else:
                year = year if cur < first else year + 1
        return self.cand(m, rule, f"{year:04d}-{code}", self.doc_label, mod=mod)

    def _n_holiday(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        code = self.g.lookup(gd["holiday"], "holiday")
        if code is None:
            return None
        if gd.get("year"):
            year, label = int(gd["year"]), "explicit"
        elif self.anchor is not None:
            year, label = self.anchor.date.year, "document"
        else:
            return self.cand(m, rule, "XXXX-XX-XX" if code.startswith("E") else f"XXXX-{code}", "none")
        if code.startswith("E"):
            d = _easter(year) + dt.timedelta(days=int(code[1:]))
        else:
            d = dt.date(year, int(code[:2]), int(code[3:]))
        return self.cand(m, rule, d.isoformat(), label)

    def _n_offset(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        sign = int(rule.params["dir"])
        unit = self.g.lookup(gd["unit"], "unit", "unit_pl")
        n = self.g.number(gd.get("num"))
        if unit is None or (gd.get("num") and n is None):
            return None
        if unit in rule.params.get("exclude", "").split("|"):
            return None
        mod = self.mod_of(gd)
        if mod is not None:
            mod = (_OFFSET_MOD_BEFORE if sign < 0 else _OFFSET_MOD_AFTER).get(mod, mod)
        if n is None or n == "X":
            ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
            return self.cand(m, rule, ref, self.doc_label, mod=mod)
        return self.cand(m, rule, _shift(self.anchor, unit, sign * n), self.doc_label, mod=mod)

    def _n_anchored(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        unit = self.g.lookup(gd["unit"], "unit")
        n = self.g.number(gd["num"])
        if unit is None or n is None:
            return None
        sign = -1 if gd["dirw"] == rule.params.get("before", "vor") else 1
        mod = self.mod_of(gd)
        x = {"M": "XXXX-XX", "Q": "XXXX-XX", "HY": "XXXX-XX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}
        c = self.cand(m, rule, x.get(unit, "XXXX-XX-XX"), gd["event"], mod=mod, kind="anchored",
                      num=n, unit=unit, sign=sign, event_end=m.end("event"))
        c.offset = ("-" if sign < 0 else "+") + duration_value(n, unit)
        return c

    def _n_anaphoric(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        if gd.get("anaw"):
            code = self.g.lookup(gd["anaw"], "anaphoric")
            if code is None:
                return None
            unit, n = re.fullmatch(r"([A-Z]+)([+-]\d+)", code).groups()  # type: ignore[union-attr]
            n = int(n)
        else:
            unit = self.g.lookup(gd["unit"], "unit")
            num = self.g.number(gd["num"])
            d = self.g.lookup(gd["adir"], "anaphoric_dir")
            if unit is None or num is None or d is None:
                return None
            if num == "X":
                return None
            n = d * num
        x = {"W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-XX", "HY": "XXXX-XX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}
        mod = self.mod_of(gd)
        if mod is not None:
            mod = (_OFFSET_MOD_BEFORE if n < 0 else _OFFSET_MOD_AFTER).get(mod, mod)
        c = self.cand(m, rule, x.get(unit, "XXXX-XX-XX"), "none", mod=mod, kind="anaphoric", unit=unit, n=n)
        c.offset = ("-" if n < 0 else "+") + duration_value(abs(n), unit)
        return c

    def _n_duration(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        if gd.get("duradj"):
            unit = self.g.lookup(gd["duradj"], "duration_adj")
            return self.cand(m, rule, duration_value(None, unit), "explicit")
        unit = self.g.lookup(gd["unit"], "unit", "unit_pl")
        if unit is None:
            return None
        n = self.g.number(gd.get("num")) if gd.get("num") else None
        if gd.get("num") and n is None:
            return None
        if gd.get("num2"):
            parts = [(n, unit)]
            for k in ("2", "3"):
                if gd.get("num" + k):
                    parts.append((self.g.number(gd["num" + k]), self.g.lookup(gd["unit" + k], "unit")))
            if any(not isinstance(p, (int, float)) or u is None for p, u in parts):
                return None
            value = compose_duration(parts)  # type: ignore[arg-type]
            return self.cand(m, rule, value, "explicit", mod=self.mod_of(gd)) if value else None
        rel = self.g.lookup(gd.get("rel"), "relative_span")
        label = "document" if rel and self.anchor is not None else ("none" if rel else "explicit")
        return self.cand(m, rule, duration_value(n, unit), label, mod=self.mod_of(gd), kind="duration",
                         num=n, unit=unit)

    def _n_clock(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        if "hour" in rule.params:
            hour, minute = int(rule.params["hour"]), 0
        else:
            h = gd.get("hour") or gd.get("hourw")
            hour = self.g.number(h)
            if not isinstance(hour, int) or hour > 24:
                return None
            minute = int(gd["minute"]) if gd.get("minute") else 0
            dp = self.g.lookup(gd.get("dpa"), "daypart_adv")
            if dp in ("AF", "EV") and hour < 12 or dp == "NI" and 6 <= hour < 12:
                hour += 12
        value = _with_time(self.day_value(), f"{hour:02d}:{minute:02d}")
        return self.cand(m, rule, value, self.doc_label, "TIME", self.mod_of(gd), kind="clock",
                         hour=hour, minute=minute)

    def _n_set(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        g = self.g
        value: str | None = None
        if gd.get("weekday"):
            value = f"XXXX-WXX-{g.lookup(gd['weekday'], 'weekday')}"
        elif gd.get("wdadv"):
            value = f"XXXX-WXX-{g.lookup(gd['wdadv'], 'weekday_adv')}"
        elif gd.get("dp"):
            value = f"XXXX-XX-XXT{g.lookup(gd['dp'], 'daypart')}"
        elif gd.get("we"):
            value = "XXXX-WXX-WE"
        elif gd.get("season"):
            value = f"XXXX-{g.lookup(gd['season'], 'season')}"
        elif gd.get("setw"):
            value = g.lookup(gd["setw"], "set_adv")
        elif gd.get("unit"):
            unit = g.lookup(gd["unit"], "unit_each", "unit")
            n = g.number(gd["num"]) if gd.get("num") else 1
            if unit is None or n is None:
                return None
            value = duration_value(n, unit)
        if value is None:
            return None
        return self.cand(m, rule, value, "explicit")

    def _n_reference(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        value = self.g.lookup(gd["ref"], "reference")
        return self.cand(m, rule, value, self.doc_label) if value else None

    def _n_decade(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        if gd.get("decw"):
            d = self.g.lookup(gd["decw"], "decade_word")
            if d is None:
                return None
            dec = f"{d}0"
        else:
            dec = gd["dec"]
        if len(dec) == 2:
            ref = self.anchor.date.year if self.anchor else 2049
            dec = ("20" if 2000 + int(dec) <= ref else "19") + dec
        elif len(dec) == 3:
            return None
        return self.cand(m, rule, dec[:3], "explicit", mod=self.mod_of(gd))

    def _n_century(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        n = int(gd["ord"])
        if not 1 <= n <= 21:
            return None
        return self.cand(m, rule, f"{n - 1:02d}", "explicit", mod=self.mod_of(gd))

    def _n_quarter(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        q = self.g.lookup(gd.get("ord"), "ordinal") if gd.get("ord") else int(gd["ordn"])
        unit = self.g.lookup(gd.get("qunit"), "quarter_unit") if gd.get("qunit") else "Q"
        if not isinstance(q, int) or q < 1 or q > (4 if unit == "Q" else 2):
            return None
        if gd.get("year"):
            return self.cand(m, rule, f"{int(gd['year']):04d}-{unit}{q}", "explicit")
        if self.anchor is None:
            return self.cand(m, rule, f"XXXX-{unit}{q}", "none")
        year = self.anchor.date.year + (self.rel_of(gd, "yrel") or 0)
        return self.cand(m, rule, f"{year:04d}-{unit}{q}", "document")

    def _n_week(self, m: re.Match[str], gd: dict, rule: _Rule) -> _Cand | None:
        wk = int(gd.get("wk") or gd["wk2"])
        if not 1 <= wk <= 53:
            return None
        y = gd.get("year") or gd.get("year2")
        if y:
            return self.cand(m, rule, f"{int(y):04d}-W{wk:02d}", "explicit")
        if self.anchor is None:
            return self.cand(m, rule, f"XXXX-W{wk:02d}", "none")
        return self.cand(m, rule, f"{self.anchor.date.year:04d}-W{wk:02d}", "document")
