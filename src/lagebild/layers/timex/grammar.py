"""The German resources compiled once per language: word lists (timex_lexicon.json) and patterns (timex_rules.txt)."""

from __future__ import annotations

import configparser
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lagebild.layers.timex.model import _LANG_DIR, TYPES


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
        from lagebild.layers.timex.matcher import _Matcher  # the matcher needs the grammar first

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
