"""Time expressions: recognition and TIMEX3 normalisation.

The engine here knows calendars, TIMEX3 values and how to combine matches; everything
that is German lives in `lang/de/timex_lexicon.json` (word lists) and `lang/de/timex_rules.txt`
(patterns), as in HeidelTime. Value conventions are documented in docs/time.md.

    find_timexes(text, anchor)          -> list[Timex]   (pure; anchor: date, "YYYY[-MM[-DD]]", Anchor or None)
    TimexLayer()(doc)                   sets doc.layers["timexes"]

Grammars are compiled once per process and language (module-level cache).
"""

from __future__ import annotations

import configparser
import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from lagebild.document import Document, Span

__all__ = ["Anchor", "Timex", "TimexLayer", "anchor_from", "find_timexes", "shift_value", "value_period", "weekday_of"]

_LANG_DIR = Path(__file__).resolve().parent.parent / "lang"

TYPES = ("DATE", "TIME", "DURATION", "SET")


# --------------------------------------------------------------------------- public types


@dataclass(frozen=True, slots=True)
class Anchor:
    """The reference date relative expressions resolve against, with its granularity.

    `granularity` is "D" (a day), "M" (a month: `date` is its first day) or "Y" (a year).
    A month-level anchor never pretends to know the day: `gestern` against 2021-06 is 2021-06.
    """

    date: dt.date
    granularity: str = "D"

    def __post_init__(self) -> None:
        if self.granularity not in ("D", "M", "Y"):
            raise ValueError(f"granularity must be D, M or Y, not {self.granularity!r}")

    @property
    def value(self) -> str:
        d = self.date
        if self.granularity == "Y":
            return f"{d.year:04d}"
        if self.granularity == "M":
            return f"{d.year:04d}-{d.month:02d}"
        return d.isoformat()


@dataclass(slots=True)
class Timex:
    """One time expression.

    `anchor` says what the value rests on: "explicit" (the text says it all), "document"
    (resolved against the document date), "none" (needed an anchor and had none: the value
    keeps X placeholders), or the text of the anchor (an event such as "dem Nato-Gipfel",
    or an earlier time expression for "zwei Tage später").  `offset` is the signed
    TIMEX3 duration from that anchor ("-P1W") for anchored expressions, else None.
    """

    span: Span
    type: str
    value: str
    anchor: str = "explicit"
    mod: str | None = None
    offset: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.span.start,
            "end": self.span.end,
            "text": self.span.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "anchor": self.anchor,
        }


def anchor_from(stated: Anchor | dt.date | str | None) -> Anchor | None:
    """An `Anchor` from a stated date: "YYYY", "YYYY-MM", "YYYY-MM-DD", a date, or None."""
    if stated is None or isinstance(stated, Anchor):
        return stated
    if isinstance(stated, dt.datetime):
        return Anchor(stated.date(), "D")
    if isinstance(stated, dt.date):
        return Anchor(stated, "D")
    s = str(stated).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?", s)
    if not m:
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {stated!r}")
    return _anchor_at(m.group(1), m.group(2), m.group(3))


def _anchor_at(year: str, month: str | None, day: str | None) -> Anchor:
    """An anchor with the granularity of the date given (day, month or year)."""
    if day:
        return Anchor(dt.date(int(year), int(month), int(day)), "D")
    if month:
        return Anchor(dt.date(int(year), int(month), 1), "M")
    return Anchor(dt.date(int(year), 1, 1), "Y")


# --------------------------------------------------------------------------- calendar arithmetic

# units: S, MIN, H (clock), D, W, M, Q (quarter), HY (half year), Y, DE (decade), CE (century)
_RANK = {"S": -3, "MIN": -2, "H": -1, "D": 0, "W": 1, "M": 2, "Q": 3, "HY": 4, "Y": 5, "DE": 6, "CE": 7}
_DAYS = {
    "S": 1 / 86400, "MIN": 1 / 1440, "H": 1 / 24, "D": 1.0, "W": 7.0, "M": 30.436875,
    "Q": 91.310625, "HY": 182.62125, "Y": 365.2425, "DE": 3652.425, "CE": 36524.25,
}
_XVALUE = {
    "S": "XXXX-XX-XX", "MIN": "XXXX-XX-XX", "H": "XXXX-XX-XX", "D": "XXXX-XX-XX", "W": "XXXX-WXX",
    "M": "XXXX-XX", "Q": "XXXX-QX", "HY": "XXXX-HX", "Y": "XXXX", "DE": "XXX", "CE": "XX",
}
# exact conversion of a fraction into the next smaller unit
_SMALLER = {"Y": ("M", 12), "HY": ("M", 6), "Q": ("M", 3), "W": ("D", 7), "D": ("H", 24),
            "H": ("MIN", 60), "MIN": ("S", 60), "DE": ("Y", 10), "CE": ("Y", 100)}
_DURATION_UNIT = {"Y": "Y", "M": "M", "W": "W", "D": "D", "DE": "DE", "CE": "CE"}
_TIME_UNIT = {"H": "H", "MIN": "M", "S": "S"}


def _integral(n: float, unit: str) -> tuple[float, str]:
    """Express n units with a whole number where an exact smaller unit exists (0.5 Y -> 6 M)."""
    if unit == "Q":
        n, unit = n * 3, "M"
    elif unit == "HY":
        n, unit = n * 6, "M"
    while n != int(n) and unit in _SMALLER:
        unit, factor = _SMALLER[unit]
        n = n * factor
    return (int(n) if n == int(n) else n), unit


def _num_str(n: float) -> str:
    if n == int(n):
        return str(int(n))
    return f"{n:.2f}".rstrip("0").rstrip(".")


def duration_value(n: float | str | None, unit: str) -> str:
    """TIMEX3 duration: (3, "Y") -> P3Y, (24, "H") -> PT24H, (0.5, "Y") -> P6M, (None, "M") -> PXM."""
    if n is None or n == "X":
        if unit in ("Q", "HY"):
            unit = "M"
        return f"PTX{_TIME_UNIT[unit]}" if unit in _TIME_UNIT else f"PX{_DURATION_UNIT[unit]}"
    n, unit = _integral(float(n), unit)
    if unit in _TIME_UNIT:
        return f"PT{_num_str(n)}{_TIME_UNIT[unit]}"
    return f"P{_num_str(n)}{_DURATION_UNIT[unit]}"


def compose_duration(parts: list[tuple[float, str]]) -> str | None:
    """A compound duration, largest unit first: [(5, "H"), (3, "MIN")] -> PT5H3M; None if malformed."""
    amounts: dict[str, float] = {}
    last = 99
    for n, unit in parts:
        if _RANK[unit] >= last or n != int(n):
            return None
        last = _RANK[unit]
        if unit in ("Q", "HY", "DE", "CE"):
            n, unit = n * {"Q": 3, "HY": 6, "DE": 10, "CE": 100}[unit], ("M" if unit in ("Q", "HY") else "Y")
        amounts[unit] = amounts.get(unit, 0) + n
    date = "".join(f"{int(amounts[u])}{u}" for u in ("Y", "M", "W", "D") if u in amounts)
    time = "".join(f"{int(amounts[u])}{_TIME_UNIT[u]}" for u in ("H", "MIN", "S") if u in amounts)
    return "P" + date + (f"T{time}" if time else "")


def _year_str(y: int) -> str:
    return f"{y:04d}" if y > 0 else f"BC{1 - y:04d}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + n
    return idx // 12, idx % 12 + 1


def _shift_exact(anchor: Anchor | None, unit: str, n: float) -> str:
    """Like `_shift`, but a day shifted by weeks stays a day ("eine Woche vor dem 14. Juni")."""
    if unit == "W" and anchor is not None and anchor.granularity == "D":
        unit, n = "D", 7 * n
    return _shift(anchor, unit, n)


def _shift(anchor: Anchor | None, unit: str, n: float) -> str:
    """The value n units away from the anchor, at the unit's granularity (coarsened to the anchor's)."""
    if anchor is None:
        return _XVALUE[unit]
    n, unit = _integral(n, unit)
    g = anchor.granularity
    if _RANK[unit] < _RANK[g]:
        # finer than the anchor knows: round the offset to whole anchor units
        return _shift(anchor, g, round(n * _DAYS[unit] / _DAYS[g]))
    n = int(round(n))
    try:
        return _shift_units(anchor.date, unit, n)
    except (OverflowError, ValueError):  # beyond the calendar: keep the year only
        return _year_str(anchor.date.year + round(n * _DAYS[unit] / _DAYS["Y"]))


def _shift_units(d: dt.date, unit: str, n: int) -> str:
    if unit in ("D", "H", "MIN", "S"):
        return (d + dt.timedelta(days=n)).isoformat()
    if unit == "W":
        y, w, _ = (d + dt.timedelta(days=7 * n)).isocalendar()
        return f"{y:04d}-W{w:02d}"
    if unit == "M":
        y, m = _add_months(d.year, d.month, n)
        if y < 1:
            raise ValueError(y)
        return f"{y:04d}-{m:02d}"
    if unit == "Q":
        idx = d.year * 4 + (d.month - 1) // 3 + n
        return f"{idx // 4:04d}-Q{idx % 4 + 1}"
    if unit == "HY":
        idx = d.year * 2 + (d.month - 1) // 6 + n
        return f"{idx // 2:04d}-H{idx % 2 + 1}"
    if unit == "Y":
        return _year_str(d.year + n)
    if unit == "DE":
        return f"{max(0, d.year // 10 + n):03d}"
    return f"{max(0, d.year // 100 + n):02d}"  # CE


def _with_time(date_value: str, time: str) -> str:
    """Attach a time of day (`14:00`, `EV`) to a date value, padding unknown parts with X."""
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", date_value):
        return f"{date_value}T{time}"
    if re.fullmatch(r"\d{4}-\d{2}", date_value):
        return f"{date_value}-XXT{time}"
    if re.fullmatch(r"\d{4}", date_value):
        return f"{date_value}-XX-XXT{time}"
    return f"XXXX-XX-XXT{time}"


_VALUE_ANCHOR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?|(\d{4})-W(\d{2})(?:-.*)?")


def _anchor_of_value(value: str) -> Anchor | None:
    """A value that can serve as an anchor for offsets ("zwei Tage später")."""
    m = _VALUE_ANCHOR.fullmatch(value)
    if not m:
        return None
    try:
        if m.group(4):
            return Anchor(dt.date.fromisocalendar(int(m.group(4)), int(m.group(5)), 1), "D")
        return _anchor_at(m.group(1), m.group(2), m.group(3))
    except ValueError:
        return None


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year if year is not None else 2000, month, day)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------- grammar (resources)


@dataclass(slots=True)
class _Lexicon:
    name: str
    values: dict[str, Any]  # normalised form -> value
    alternation: str  # regex alternation, longest first


@dataclass(slots=True)
class _Rule:
    name: str
    type: str
    norm: str
    params: dict[str, str]
    regex: re.Pattern[str]
    prio: int
    has_pre: bool
    keys: tuple[str, ...]  # key classes: the rule is tried only near a token of one of them
    back: int  # how many tokens before the key token a match may start


# Tokens for the key index: letter runs and digit runs ("KW23" -> KW, 23; "1990er" -> 1990, er).
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def _norm_key(s: str) -> str:
    return " ".join(s.split()).casefold()


def _form_regex(form: str, case: str) -> str:
    out = r"\s+".join(re.escape(p) for p in form.split())
    first = form[0]
    if case == "initial" and first.isalpha() and first.islower() and first.upper() != first:
        out = f"[{first}{first.upper()}]" + out[1:]
    return out


class _Grammar:
    """A language's lexicons and compiled rules."""

    def __init__(self, lang: str) -> None:
        base = _LANG_DIR / lang
        lex = json.loads((base / "timex_lexicon.json").read_text(encoding="utf-8"))
        self.inflections: dict[str, list[str]] = lex.pop("inflections", {})
        lex.pop("_comment", None)
        compound = lex.pop("number_compound", None)
        self.lexicons: dict[str, _Lexicon] = {}
        for name, spec in lex.items():
            self._add_lexicon(name, spec)
        self._add_numbers(compound)

        cp = configparser.ConfigParser(interpolation=None, comment_prefixes=("#",), strict=True)
        cp.optionxform = str  # type: ignore[assignment,method-assign]
        cp.read_string((base / "timex_rules.txt").read_text(encoding="utf-8"))
        self.macros: dict[str, str] = {}
        if cp.has_section("_macros"):
            for k, v in cp["_macros"].items():
                self.macros[k] = self.expand(self._joined(v))  # earlier macros and lexicons only
        self.links = {k: self._joined(v) for k, v in cp["_links"].items()} if cp.has_section("_links") else {}
        self.link_res = {k: re.compile(self.expand(v)) for k, v in self.links.items() if k.endswith(("_date", "_clock"))}
        self.before_word = self.links.get("offset_dir_before", "")
        blocks = [self.expand(self._joined(v)) for v in cp["_block"].values()] if cp.has_section("_block") else []
        self.block = re.compile("|".join(f"(?:{b})" for b in blocks)) if blocks else None
        self.rules: list[_Rule] = []
        self.key_classes: dict[str, set[str]] = {}  # casefolded token -> key classes
        for prio, section in enumerate(s for s in cp.sections() if not s.startswith("_")):
            sec = cp[section]
            params = {}
            for item in sec.get("params", "").split(","):
                if "=" in item:
                    k, v = item.split("=", 1)
                    params[k.strip()] = v.strip()
            norm = sec["norm"].strip()
            if not hasattr(_Matcher, f"_n_{norm}"):
                raise ValueError(f"rule {section}: unknown normaliser {norm!r}")
            rtype = sec["type"].strip()
            if rtype not in TYPES:
                raise ValueError(f"rule {section}: unknown type {rtype!r}")
            try:
                regex = re.compile(self.expand(self._joined(sec["pattern"])))
            except re.error as exc:
                raise ValueError(f"rule {section}: {exc}") from exc
            if "key" not in sec:
                raise ValueError(f"rule {section}: no key")
            keys = tuple(self._key_class(k.strip()) for k in sec["key"].split("|"))
            back = int(sec.get("back", "0"))
            self.rules.append(_Rule(section, rtype, norm, params, regex, prio, "pre" in regex.groupindex, keys, back))

    def _key_forms(self, part: str) -> list[str]:
        if part.startswith("'") and part.endswith("'"):
            return [part[1:-1]]
        if part not in self.lexicons:
            raise ValueError(f"unknown key lexicon {part!r}")
        return list(self.lexicons[part].values)

    def _key_class(self, spec: str) -> str:
        """Register the tokens that key `spec` (lex, 'word', lex+lex, #digit, #year); returns its class name."""
        if spec in ("#digit", "#year"):
            return spec
        forms = [""]
        for part in spec.split("+"):
            forms = [f + g for f in forms for g in self._key_forms(part.strip())]
        for form in forms:
            toks = _TOKEN.findall(form)
            if toks:
                self.key_classes.setdefault(toks[-1].casefold(), set()).add(spec)
        return spec

    @staticmethod
    def _joined(value: str) -> str:
        return "".join(line.strip() for line in value.splitlines())

    def _forms(self, form: str) -> list[str]:
        m = re.search(r"\{(\w+)\}", form)
        if not m:
            return [form]
        out = []
        for ending in self.inflections[m.group(1)]:
            out.extend(self._forms(form[: m.start()] + ending + form[m.end() :]))
        return out

    def _add_lexicon(self, name: str, spec: dict[str, Any], extra: list[str] | None = None) -> None:
        words = spec.get("words", spec) if isinstance(spec.get("words"), dict) else spec
        case = spec.get("case") if isinstance(spec.get("words"), dict) else None
        values: dict[str, Any] = {}
        regexes: dict[str, str] = {}
        for form, value in words.items():
            if form.startswith("_"):
                continue
            for f in self._forms(form):
                values[_norm_key(f)] = value
                regexes[f] = _form_regex(f, case or ("initial" if f[0].islower() else "exact"))
        alts = [regexes[f] for f in sorted(regexes, key=lambda f: (-len(f), f))]
        if extra:
            alts = extra + alts
        self.lexicons[name] = _Lexicon(name, values, "(?:" + "|".join(alts) + ")")

    def _add_numbers(self, compound: dict[str, Any] | None) -> None:
        words = {k: v for k, v in self.lexicons["number"].values.items()}
        if compound:
            ones, tens = compound["ones"], compound["tens"]
            for o, ov in ones.items():
                for t, tv in tens.items():
                    words[f"{o}{compound['joiner']}{t}"] = ov + tv
                if ov > 1:
                    words[f"{o}{compound['half_suffix']}"] = ov + 0.5
        digits = [r"(?<![\d.,:])\d{1,3}(?:\.\d{3})+(?!\d)", r"(?<![\d.,:])\d+(?:,\d+)?"]
        self._add_lexicon("num", {"case": "initial", "words": words}, extra=digits)

    def expand(self, pattern: str) -> str:
        def sub(m: re.Match[str]) -> str:
            bare, name = m.group(1) == "@@", m.group(2)
            if name in self.macros and not bare:
                return self.macros[name]
            if name not in self.lexicons:
                raise ValueError(f"unknown lexicon or macro @{name}")
            alt = self.lexicons[name].alternation
            # the end guard is waived after an abbreviation's full stop ("30.Apr.2017")
            return alt if bare else rf"(?<![\w-]){alt}(?:(?<=\.)|(?![\w-]))"

        return re.sub(r"(@@?)([A-Za-z_]\w*)", sub, pattern)

    def lookup(self, text: str | None, *names: str) -> Any:
        if text is None:
            return None
        key = _norm_key(text)
        for name in names:
            v = self.lexicons[name].values.get(key)
            if v is not None:
                return v
        return None

    def number(self, text: str | None) -> float | str | None:
        """Digits ("24", "1,5", "10.000") or a number word; "X" for vague amounts (einige)."""
        if text is None:
            return None
        t = text.strip()
        if t[0].isdigit():
            if "," in t:
                return float(t.replace(",", "."))
            return int(t.replace(".", ""))
        return self.lookup(t, "num")


@lru_cache(maxsize=8)
def _grammar(lang: str = "de") -> _Grammar:
    return _Grammar(lang)


# --------------------------------------------------------------------------- matching


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
                m = link.match(self.text, c.end, self.end)
                if not m:
                    continue
                targets = by_start.get(m.end())
                if not targets:
                    continue
                t = max(targets, key=lambda t: t.end - t.start)
                sign = -1 if m.group("dir") == self.g.before_word else 1
                n, unit = c.info["num"], c.info["unit"]
                value = _shift_exact(_anchor_of_value(t.value), unit, sign * n)
                mod = _OFFSET_MOD_BEFORE.get(c.mod or "", c.mod) if sign < 0 else _OFFSET_MOD_AFTER.get(c.mod or "", c.mod)
                out.append(_Cand(c.start, t.end, "DATE", value, t.anchor, mod, c.prio, "offset_date",
                                 offset=("-" if sign < 0 else "+") + duration_value(n, unit)))
            elif c.kind == "anchored" and event_link is not None and isinstance(c.info.get("num"), (int, float)):
                m = event_link.match(self.text, c.info["event_end"], self.end)
                if not m:
                    continue
                targets = by_start.get(m.end())
                if not targets:
                    continue
                t = max(targets, key=lambda t: t.end - t.start)
                c.value = _shift_exact(_anchor_of_value(t.value), c.info["unit"], c.info["sign"] * c.info["num"])
                c.anchor = t.anchor
        return out

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


# --------------------------------------------------------------------------- API


def find_timexes(text: str, anchor: Anchor | dt.date | str | None, start: int = 0, end: int | None = None,
                 lang: str = "de") -> list[Timex]:
    """All time expressions in `text[start:end]`, non-overlapping, in text order.

    `anchor` is the date relative expressions resolve against (usually the document's stated
    date): a `datetime.date` (day granularity), an `Anchor`, a string "YYYY[-MM[-DD]]", or None.
    Spans are offsets into the whole `text`.
    """
    g = _grammar(lang)
    end = len(text) if end is None else min(end, len(text))
    if start >= end:
        return []
    matcher = _Matcher(g, text, anchor_from(anchor), start, end)
    out = []
    for c in matcher.run():
        out.append(Timex(Span.of(text, c.start, c.end), c.type, c.value, c.anchor, c.mod, c.offset))
    return out


_PERIOD = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})(?:-(?P<wd>\d|WE))?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?:T.*)?"
)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def value_period(value: str) -> tuple[dt.date, dt.date, str] | None:
    """The days a DATE/TIME value covers, and its granularity (D, W, M, Y).

    `2021-06-14` → that day; `2021-W23` → its Monday to Sunday; `2021-06`, `2021-Q2`, `2021-H1`,
    `2021-SU` (June to August), `2021-WI` (December to February) → months; `2021` → the year.
    None for values without a concrete year (`XXXX-06`, `PAST_REF`, decades).
    """
    m = _PERIOD.fullmatch(value)
    if not m:
        return None
    year = int(m["y"])
    try:
        if m["d"]:
            day = dt.date(year, int(m["m"]), int(m["d"]))
            return day, day, "D"
        if m["w"]:
            monday = dt.date.fromisocalendar(year, int(m["w"]), 1)
            if m["wd"] and m["wd"].isdigit():
                day = monday + dt.timedelta(days=int(m["wd"]) - 1)
                return day, day, "D"
            return monday, monday + dt.timedelta(days=6), "W"
        first, last = _value_months(m)
        if first is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31), "Y"
        y2, m2 = _add_months(year, last, 1)
        return dt.date(year, first, 1), dt.date(y2, m2, 1) - dt.timedelta(days=1), "M"
    except ValueError:
        return None


def _value_months(m: re.Match[str]) -> tuple[int | None, int]:
    if m["m"]:
        return int(m["m"]), int(m["m"])
    if m["q"]:
        q = int(m["q"])
        return 3 * q - 2, 3 * q
    if m["h"]:
        h = int(m["h"])
        return 6 * h - 5, 6 * h
    if m["s"]:
        return _SEASON_MONTHS[m["s"]]
    return None, 12


def shift_value(anchor: dt.date, offset: str) -> str | None:
    """The value `offset` (a signed TIMEX3 duration such as `-P1W`, `+P2D`) away from a day."""
    m = re.fullmatch(r"([+-])P(\d+(?:\.\d+)?)([YMWD])", offset)
    if not m:
        return None
    n = float(m.group(2)) * (-1 if m.group(1) == "-" else 1)
    return _shift_exact(Anchor(anchor, "D"), m.group(3), n)


def weekday_of(text: str, lang: str = "de") -> int | None:
    """The ISO weekday (1 = Monday) a weekday name in `text` names (`am Samstag, dem 24. März` → 6)."""
    g = _grammar(lang)
    for word in _TOKEN.findall(text):
        day = g.lookup(word, "weekday")
        if day is not None:
            return day
    return None


class TimexLayer:
    """Document layer: `doc.layers["timexes"]`, resolved against the stated date."""

    name = "timexes"

    def __init__(self, lang: str = "de") -> None:
        self.lang = lang
        _grammar(lang)  # compile once, up front

    def __call__(self, doc: Document) -> Document:
        doc.layers["timexes"] = find_timexes(doc.text, anchor_from(doc.stated_date), doc.body_start, lang=self.lang)
        return doc
