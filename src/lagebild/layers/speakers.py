"""Speaker names: from the words in a sentence (`er`, `der Minister`, `Stoltenberg`) to the
fullest name the text gives for that speaker anywhere (`Jens Stoltenberg`)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from os.path import commonprefix

from lagebild.document import Document, Token
from lagebild.lang import read_rows, speech_lexicon
from lagebild.lang.de.function_words import ARTICLES
from lagebild.layers.phrases import (
    DEMONSTRATIVES,
    PRONOUNS,
    is_name,
    is_nounlike,
    skip_participial_attribute,
)
from lagebild.nlp.morphology import is_known_word
from lagebild.nlp.quotes import ALL_MARKS

NAME_PARTICLES = {"von", "van", "de", "zu", "vom", "del", "di", "da", "dos", "ten", "ter"}
PRONOUN_EXCLUDES_GENDER = {"er": "f", "sie": "m", "seiner": "f", "seinen": "f", "ihrer": "m", "ihren": "m"}
# `dessen` refers to a masculine or neuter noun, `deren` to a feminine or plural one: articles that rule a noun out
RELATIVE_EXCLUDES = {"dessen": {"die", "eine", "einer", "diese"}, "deren": {"des", "dem", "das", "ein", "eines", "einem", "dieses"}}
RELATIVE_EXCLUDES_GENDER = {"dessen": "f", "deren": "m"}
NOT_PERSON_LABELS = {"LOC", "GPE", "ORG"}  # entity labels of names that speak as no person


QUOTATION_MARKS = ALL_MARKS | {"'"}  # tokenised text writes single quotation marks as apostrophes
SPEAKING_PRONOUN_TAGS = ("PPER", "PDS", "PIS", "PRELS", "PPOS")
SAYING_NOUN_CLASSES = ("source_noun", "speech_noun", "document_noun", "medium_noun")
MIN_SAYING_ENDING = 6  # shorter saying nouns only as whole words: `Sicht`, not `Zuversicht`


@lru_cache(maxsize=1)
def speaker_nouns() -> dict[str, tuple[str, ...]]:
    """Word classes of lang/de/speaker_nouns.tsv: which nouns name something that can speak."""
    return {kind: tuple(words.split()) for kind, words in read_rows("de", "speaker_nouns.tsv")}


@lru_cache(maxsize=1)
def _saying_nouns() -> tuple[frozenset[str], tuple[str, ...]]:
    """Nouns of saying and documents (`Angaben`, `Erklärung`): whole words, and endings of compounds."""
    lex = speech_lexicon()
    words = frozenset(w.lower() for cls in SAYING_NOUN_CLASSES for w in lex.word_class(cls))
    return words, tuple(w for w in words if len(w) >= MIN_SAYING_ENDING)


@lru_cache(maxsize=4096)
def _names_a_time(word: str) -> bool:
    classes = speaker_nouns()
    return word in classes["whole_word"] or word.endswith(classes["time_suffix"])


PLURAL_ENDINGS = (("ungen", "ung"), ("heiten", "heit"), ("keiten", "keit"), ("ionen", "ion"), ("täten", "tät"), ("nisse", "nis"))


def _singular(noun: str) -> str:
    """`Äußerungen` → `äußerung`: the plural of a derived noun, for the lexicon's endings."""
    return next((noun[: -len(plural)] + singular for plural, singular in PLURAL_ENDINGS if noun.endswith(plural)), noun)


@lru_cache(maxsize=4096)
def _names_a_speaker(noun: str) -> bool | None:
    """True where a common noun names a possible speaker, False where it names a time, a
    matter or an event, None where the lexicon does not say."""
    classes = speaker_nouns()
    if noun in classes["whole_word"]:
        return False
    words, endings = _saying_nouns()
    forms = {noun, _singular(noun), noun.removesuffix("s"), noun.removesuffix("es")}  # genitives: `des Berichts`
    if forms & words or any(form.endswith(endings) or form.endswith(classes["speaking_exception"]) for form in forms):
        return True
    noun = _singular(noun)
    if noun.endswith(tuple(speech_lexicon().word_class("role_suffix"))):
        return True
    if noun.endswith(classes["time_suffix"] + classes["thing_noun"] + classes["abstract_suffix"]):
        return False
    return None


def _names_a_body(noun: str) -> bool:
    """`die Opposition`, `die Gewerkschaft`, `die Führung`: a speaking noun with the ending of an
    abstract noun names a group or body, never one person that a name or `er` could refer to."""
    singular = _singular(noun)
    return singular.endswith(speaker_nouns()["abstract_suffix"]) and _names_a_speaker(noun) is True


# feminine nouns of persons ending like a masculine plural: `die Mutter` is one person
FEMININE_ER_NOUNS = ("mutter", "tochter", "schwester")
PLURAL_PERSON_ENDINGS = ("er", "or", "en")  # `die Forscher`, `die Autoren`, `die Grünen`


def _plural_description(article: Token, head: Token) -> bool:
    """`die Wissenschaftler`, `die Ermittler`: `die` before a noun of persons in `-er`, `-or`,
    `-en` is a plural (feminine singulars end in `-in`), which no single name or `er` refers to;
    so is `die` before a noun the tagger lemmatises to another form (`die Verbände`: `Verband`)."""
    word = head.lower
    if article.lower != "die" or head.pos != "NN":
        return False
    inflected = bool(head.lemma) and head.lemma.lower() != word
    return inflected or word.endswith(PLURAL_PERSON_ENDINGS) and not word.endswith(FEMININE_ER_NOUNS)


@dataclass(frozen=True)
class Speaker:
    name: str | None
    person: bool


def _base(word: str) -> str:
    """Genitive and case endings off a name: Putins → putin, Stoltenbergs → stoltenberg."""
    word = word.lower()
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


class SpeakerResolver:
    """Resolves speaker phrases within one document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.tokens = doc.tokens
        self._token_starts = [t.start for t in self.tokens]
        self._role_suffixes = tuple(speech_lexicon().word_class("role_suffix"))
        # where the entity layer saw a new actor begin, a name run ends: "Jens Stoltenberg | Russland"
        labels = {e.start: e.label for e in doc.layers.get("entities", [])}
        self._entity_labels = {t.i: labels[t.start] for t in self.tokens if t.start in labels}
        self._entity_starts = set(self._entity_labels)
        self._labels_over = self._labels_over_tokens(doc)
        self._genders = self._person_genders(doc)
        self._name_genders = {e.text: e.gender for e in doc.layers.get("entities", []) if e.label == "PER" and e.gender}
        self.runs = self._name_runs()
        self.run_ends = [self.tokens[last].end for _, last in self.runs]
        self.in_runs = {i for first, last in self.runs for i in range(first, last + 1)}
        self._run_end = {i: last for first, last in self.runs for i in range(first, last + 1)}
        quotes = [q for q in doc.layers.get("quotes", []) if not q.single]
        self.quote_opens = [q.open for q in quotes]
        self.quote_ends = [q.outer_end for q in quotes]
        self._abbreviations: dict[str, str] | None = None
        self.descriptions: dict[str, str] = {}  # head noun → fullest speaker description so far
        self.fullest: dict[str, tuple[int, int]] = {}
        for first, last in self.runs:
            for end in range(first, last + 1):  # "Jens Stoltenberg Russland" also names "Jens Stoltenberg"
                key = _base(self.tokens[end].text)
                best = self.fullest.get(key)
                if best is None or (end - first) > (best[1] - best[0]):
                    self.fullest[key] = (first, end)
        institution = speech_lexicon().word_class("institution_suffix")
        self._institution_suffixes = tuple(sorted(institution, key=len, reverse=True))

    def entity_label(self, i: int) -> str | None:
        """The label of the entity mention token i lies in (`PER`, `ORG`, `LOC`), if any."""
        return self._entity_labels.get(i)

    def _labels_over_tokens(self, doc: Document) -> dict[int, str]:
        """Token index → label of the entity mention it lies in (`Helmand` → LOC, `Tesla Motors` → ORG)."""
        labels: dict[int, str] = {}
        for e in doc.layers.get("entities", []):
            for t in self.tokens[bisect_right(self._token_starts, e.start) - 1 :]:
                if t.start >= e.end:
                    break
                if t.end > e.start:
                    labels[t.i] = e.label
        return labels

    def _person_genders(self, doc: Document) -> dict[int, str]:
        """Token index → gender of the person name it ends (`Angela Merkel` → f), where known."""
        ends = {t.end: t.i for t in self.tokens}
        return {ends[e.end]: e.gender for e in doc.layers.get("entities", []) if e.label == "PER" and e.gender and e.end in ends}

    def _gender_of(self, last: int) -> str | None:
        _, full_last = self.fullest.get(_base(self.tokens[last].text), (last, last))
        return self._genders.get(last) or self._genders.get(full_last)

    def _name_runs(self) -> list[tuple[int, int]]:
        runs, start, particle_until = [], None, -1
        for i, t in enumerate(self.tokens):
            in_run = start is not None and t.sent == self.tokens[start].sent
            if in_run and i > particle_until and (end := self._particle_end(i)):
                particle_until = end  # "Ursula von der Leyen", "Karl-Theodor zu Guttenberg"
            if in_run and i in self._entity_starts and i > start and i > particle_until and not self.is_first_name_read_as_imperative(start):
                runs.append((start, i - 1))
                start, in_run = None, False
            if self._is_name_token(t) or self.is_first_name_read_as_imperative(i) or (in_run and (i <= particle_until or self._is_unknown_capitalised(t))):
                start = i if start is None or not in_run else start
                if not in_run and start != i:
                    start = i
                continue
            if start is not None:
                runs.append((start, i - 1))
            start = None
        if start is not None:
            runs.append((start, len(self.tokens) - 1))
        return runs

    def trim_to_speaker(self, first: int, last: int) -> int:
        """Where a speaker phrase that runs on into another actor should end: `Generalsekretär
        Jens Stoltenberg | Russland und Belarus … gewarnt` (an object after the subject)."""
        seen_person = False
        for k in range(first, last + 1):
            if k > first and k - 1 in self.in_runs and self._addressee_starts(k, last):
                return k - 1  # `sagte Julia Brenner | der „Bild“`, `sagte Kern | dem Sender`
            label = self._entity_labels.get(k)
            if label == "PER":
                seen_person = True
            elif label is not None and seen_person and self.tokens[k - 1].text != ",":
                return k - 1
        return last

    def name_run_end(self, last: int) -> int:
        """Where the name that token `last` lies in ends, over its particles (`von der Leyen`)."""
        return self._run_end.get(last, last)

    def _addressee_starts(self, k: int, last: int) -> bool:
        """An article right after a name opens the dative of whom it was told: `dem`, `den`, or
        `der` before a quoted title; `der` before a noun may be a genitive (`Max Kern der Polizei`)."""
        word = self.tokens[k].lower
        quoted = k < last and self.tokens[k + 1].text in QUOTATION_MARKS
        return word in ("dem", "den") or word == "der" and quoted

    def _particle_end(self, i: int) -> int | None:
        """The last token of a nobiliary particle with the name part after it (`von der Leyen`)."""
        if self.tokens[i].lower not in NAME_PARTICLES:
            return None
        j = i + 1
        if j < len(self.tokens) and self.tokens[j].lower in ("der", "den", "dem"):
            j += 1
        # the tagger calls a foreign surname after `de` foreign material: "Thomas de Maizière"
        if j < len(self.tokens) and self.tokens[j].text[:1].isupper() and not self.tokens[j].text.isupper() and self.tokens[j].pos.startswith(("NE", "NN", "FM")):
            return j
        return None

    def _is_name_token(self, t: Token) -> bool:
        """A token of a name; titles the tagger calls names (`General`, `Präsident`) are not."""
        return is_name(t) and t.text[:1].isupper() and t.lower not in ARTICLES and not t.lower.endswith(self._role_suffixes)

    def is_first_name_read_as_imperative(self, i: int) -> bool:
        """`Henk Jaap Meijer, Laborleiter …`: news sentences do not start with an imperative; a
        capitalised first word the tagger calls one, before a name or an apposition, is a first
        name. `Bedenke, dass …` stays a verb: no apposition follows its comma."""
        t = self.tokens[i]
        if t.pos != "VV(IMP)" or not t.text[:1].isupper() or i > 0 and self.tokens[i - 1].sent == t.sent or i + 2 >= len(self.tokens):
            return False
        after = self.tokens[i + 1]
        if after.text == ",":
            return self.tokens[i + 2].pos.startswith(("ART", "NN", "NE", "ADJA", "PPOSAT", "CARD"))
        return is_name(after) or after.pos == "NN" and not is_known_word(after.text)

    def _is_unknown_capitalised(self, t: Token) -> bool:
        """`Jinping` in `Xi Jinping` (a word HanTa does not know), `Klee` in `Paul Klee` (a noun
        right after a name): surnames that the tagger calls nouns."""
        if self._surname_read_as_verb(t):
            return True
        if not (t.text[:1].isupper() and t.pos.startswith(("NN", "ADJ")) and t.text.replace("-", "").isalpha()):
            return False
        if not is_known_word(t.text):
            return True
        return t.i > 0 and is_name(self.tokens[t.i - 1]) and not t.lower.endswith(self._role_suffixes) and not self._owned_source(t)

    def _surname_read_as_verb(self, t: Token) -> bool:
        """`Joachim Wanke`: inside a sentence German capitalises no verb, so a capitalised word the
        tagger calls a verb right after a first name is the surname."""
        if not (t.pos.startswith("V") and t.text[:1].isupper() and t.text.isalpha() and t.i > 0):
            return False
        before = self.tokens[t.i - 1]
        return before.sent == t.sent and before.pos == "NE" and (t.i < 2 or self.tokens[t.i - 2].sent == t.sent)

    def _owned_source(self, t: Token) -> bool:
        """`Lehmanns Angaben`, `Grupps Meinung`: a source noun after a name in the genitive is
        what the name's bearer said, no part of the name."""
        before = self.tokens[t.i - 1].text
        return before.endswith(("s", "’", "'")) and t.lower.endswith(_source_words())

    def can_speak(self, first: int, last: int, holder: bool = True) -> bool:
        """Whether the phrase can name a speaker: not a time (`Dienstagabend`, `Ende August`), a
        matter or an event (`Die Frage`, `Proteste`, `die niedrige Aufklärungsquote`). Pronouns,
        names, people, organisations and documents can; so can what the lexicon does not know.
        With `holder`, a matter can through whose it is (`die Entscheidung des Gerichts`)."""
        tokens = self.tokens[first : last + 1]
        if any(t.text in QUOTATION_MARKS for t in tokens):
            return True  # a title: die „Süddeutsche Zeitung“
        if len(tokens) == 1 and tokens[0].pos.startswith(SPEAKING_PRONOUN_TAGS):
            return True
        head = self._head_noun(first, last)
        if head is None or self._is_speaking_name(head):
            return True
        says = _names_a_speaker(head.lower)
        if says is False and holder and head.lower.endswith(speaker_nouns()["source_place"]):
            return self._speaking_genitive(head.i, last, unknown=True)
        if says is False and holder and _singular(head.lower).endswith(speaker_nouns()["abstract_suffix"]):
            return self._speaking_genitive(head.i, last)
        return says is not False

    def _head_noun(self, first: int, last: int) -> Token | None:
        """The first noun of the phrase, past an attribute before a participle (`Die das Unglück
        überlebende Alice Kakamara`)."""
        start = skip_participial_attribute(self.tokens, first + 1, last + 1) if self.tokens[first].pos.startswith("ART") else first
        return next((t for t in self.tokens[start : last + 1] if t.pos in ("NN", "NE", "FM") or is_nounlike(t)), None)

    def _speaking_genitive(self, head: int, last: int, unknown: bool = False) -> bool:
        """`die Entscheidung des Gerichts`, `die Äußerungen Merkels`: whose matter it is can speak.
        Whose meeting it is speaks for it (`auf einer Sitzung des Vorstands`), unless the lexicon
        knows the holder as a matter (`unknown`): a bare occasion names nobody."""
        for k in range(head + 1, last + 1):
            t = self.tokens[k]
            genitive = self.tokens[k - 1].lower in ("des", "der") or k == head + 1 and t.text.endswith("s")
            says = _names_a_speaker(t.lower)
            if genitive and (t.pos in ("NN", "NE") or is_nounlike(t)) and (says or unknown and says is None or self._is_speaking_name(t)):
                return True
        return False

    @staticmethod
    def names_a_source(noun: str) -> bool:
        """A noun of a text, a medium, a meeting or a body that says something (`Erklärung`,
        `Pressekonferenz`, `EU-Kreise`, `Bundesregierung`), by the lexicon."""
        return _names_a_speaker(noun) is True or noun.endswith(speaker_nouns()["source_place"])

    def _is_speaking_name(self, t: Token) -> bool:
        """A name, but not of a time (`Ende August`), unless the text names a person so (`Michael Sommer`).
        Only time words count against a name: `Jung`, `Freiheit` may be surnames."""
        if t.i not in self.in_runs and t.pos != "NE" and not self._is_long_name(t.i):
            return False
        return not _names_a_time(t.lower) or self._is_long_name(t.i)

    def is_time(self, first: int, last: int) -> bool:
        """Whether the phrase names a time (`Ende August`, `Dienstagabend`): an adverbial, no subject."""
        head = next((t for t in self.tokens[first : last + 1] if t.pos in ("NN", "NE", "FM")), None)
        return head is not None and _names_a_time(head.lower) and not self._is_long_name(head.i)

    def surely_speaks(self, first: int, last: int) -> bool:
        """Whether the phrase is a pronoun, a name, or a noun the lexicon knows as a speaker
        (`er`, `Max Kern`, `der Sprecher`): more than `can_speak`, which lets the unknown pass."""
        tokens = self.tokens[first : last + 1]
        if len(tokens) == 1 and tokens[0].pos.startswith(SPEAKING_PRONOUN_TAGS):
            return True
        nouns = [t for t in tokens if t.pos in ("NN", "NE", "FM") or is_nounlike(t)]
        return bool(nouns) and (any(self._is_speaking_name(t) for t in nouns) or _names_a_speaker(nouns[0].lower) is True)

    def _is_long_name(self, token: int) -> bool:
        first, last = self.fullest.get(_base(self.tokens[token].text), (token, token))
        return last > first

    def text_of(self, first: int, last: int) -> str:
        return self.doc.text[self.tokens[first].start : self.tokens[last].end]

    def is_person_run(self, first: int, last: int) -> bool:
        if self._labels_over.get(last, "PER") in NOT_PERSON_LABELS:
            return False  # `die Provinz Helmand`, `der Autobauer Tesla Motors`: a place, a firm
        if last > first:
            return True
        if _names_a_time(self.tokens[last].lower) and not self._is_long_name(last):
            return False  # `Ende August`, `Dienstagabend`: a time the tagger calls a name
        key = _base(self.tokens[last].text)
        full = self.fullest.get(key)
        if full and full[1] > full[0]:
            return True
        before = self.tokens[first - 1] if first > 0 else None
        return bool(before and before.pos == "NN" and not self._is_institution(before.text))

    def _names_institution(self, run_first: int, phrase_first: int) -> bool:
        """`der Bundespolizeidirektion Wien`: a place right after an institution noun is part
        of the institution's name, not a person speaking."""
        k = run_first - 1
        if k > phrase_first and self.tokens[k].pos == "$(":  # der Verein „Aktion Deutschland hilft“
            k -= 1
        before = self.tokens[k] if k >= phrase_first else None
        return before is not None and before.pos == "NN" and self._is_institution(before.text)

    def _is_institution(self, noun: str) -> bool:
        return noun.lower().endswith(self._institution_suffixes)

    def _runs_before(self, offset: int):
        """Name runs ending at or before `offset`, nearest first (runs are in text order)."""
        for index in range(bisect_right(self.run_ends, offset) - 1, -1, -1):
            yield self.runs[index]

    def person_before(self, offset: int, after: int = 0, not_gender: str | None = None) -> str | None:
        for first, last in self._runs_before(offset):
            if self.tokens[first].start < after:
                return None
            if self.is_person_run(first, last) and not self._quoted(first) and (not_gender is None or self._gender_of(last) != not_gender):
                return self.full_name(last)
        return None

    def person_after(self, offset: int, role: Token | None = None) -> str | None:
        """The first person named after `offset`; with a `role`, not one the text gives another role."""
        for index in range(bisect_right(self.run_ends, offset), len(self.runs)):
            first, last = self.runs[index]
            if self.tokens[first].start >= offset and self.is_person_run(first, last) and not self._quoted(first):
                name = self.full_name(last)
                if role is None or not self._titled_otherwise(name, role):
                    return name
        return None

    def _quoted(self, token: int) -> bool:
        """Names inside quotations are what someone said, not antecedents for the narration."""
        offset = self.tokens[token].start
        k = bisect_right(self.quote_opens, offset) - 1
        return k >= 0 and offset < self.quote_ends[k]

    def full_name(self, last: int) -> str:
        key = _base(self.tokens[last].text)
        first, last_full = self.fullest.get(key, (last, last))
        if first == last_full:  # "Xi" for "Xi Jinping": family names that come first
            for run_first, run_last in self.runs:
                if run_last > run_first and _base(self.tokens[run_first].text) == key:
                    return self.text_of(run_first, run_last)
        name = self.text_of(first, last_full)
        if last_full + 1 < len(self.tokens) and self._owned_source(self.tokens[last_full + 1]):
            return name[:-1]  # "Nach Lehmanns Angaben": Lehmann
        return name

    def resolve(self, first: int, last: int, previous: Speaker | None, previous_offset: int = 0, cataphora: bool = True) -> Speaker:
        # "Jan Albrecht (Grüne)": what stands in parentheses (party, abbreviation) names no speaker
        last = next((k - 1 for k in range(first + 1, last + 1) if self.tokens[k].text == "("), last)
        tokens = self.tokens[first : last + 1]
        if len(tokens) == 1 and (tokens[0].lower in PRONOUNS or tokens[0].lower in DEMONSTRATIVES and tokens[0].pos == "PDS"):
            return self.pronoun(tokens[0], previous, previous_offset)
        names = self._names_of_head(first, last)
        head = self._head(self._before_apposition(tokens))
        if names and (head is None or head.i in self.in_runs or names[-1] > head.i or names[0] == first):
            run_last = names[-1]
            run_first = run_last
            while run_first - 1 in names:
                run_first -= 1
            # a surname that ends like an institution (`Jung`, `Jagland`) is a person where the entity layer says so
            surname = self._labels_over.get(run_last) == "PER"
            person = not self._names_institution(run_first, first) and (surname or not self._is_institution(self.tokens[run_last].text))
            if tokens[-1].text.isupper() and len(tokens) <= 2:
                return Speaker(self._description(tokens), False)
            return Speaker(self.full_name(run_last) if person else self._description(tokens), person)
        bare_role = len(tokens) == 1 and tokens[0].pos == "NN" and tokens[0].lower.endswith(self._role_suffixes)
        definite = tokens[0].lower in ("der", "die", "dem", "des") or bare_role  # headlines: "Bahn-Chef warnt …"
        quoted_name = any(t.pos == "$(" for t in tokens)  # die „Anti-Defamation-League“: a name, no role
        category = self._head_noun(first, last)  # `Die Vereinigung | Cockpit`: the noun before the name it has
        collective = head is not None and (_names_a_body(head.lower) or _plural_description(tokens[0], head) or category is not None and _names_a_body(category.lower))
        if head is not None and definite and not quoted_name and not self._is_institution(head.text) and not collective:
            titled = self._titled_person(head)
            if titled:
                return Speaker(titled, True)
            if self._other_referent(head, previous):
                return Speaker(self._description(tokens), True)
            not_gender = _opposite(_description_gender(tokens[0], head))
            name = self.person_before(tokens[0].start, after=previous_offset, not_gender=not_gender)
            if name:
                return Speaker(name, True)
            if previous and previous.person and (not_gender is None or self._name_genders.get(previous.name) != not_gender):
                return previous
            name = self.person_before(tokens[0].start, not_gender=not_gender) if not_gender else None
            if name:
                return Speaker(name, True)
            # `sagte der Trainer. … Stürmer Kevin Lang`: a person with another role is another person
            name = self.person_after(tokens[-1].end, role=head) if cataphora else None
            if name and self.person_before(tokens[0].start) is None:
                return Speaker(name, True)
        return Speaker(self._description(tokens), head is not None and not self._is_institution(head.text) and not collective)

    def _names_of_head(self, first: int, last: int) -> list[int]:
        """Name tokens that name the phrase's referent: not those inside an attribute
        (`Gouverneur Rick Perry aus Texas`, `Forscher der Universität Utrecht`), but those
        of an apposition after a comma (`der Sprecher des Amtes, Max Kern`)."""
        cut, comma = last + 1, None
        for k in range(first + 1, last + 1):
            t = self.tokens[k]
            if t.text == ",":
                comma = k
                break
            if k in self.in_runs or cut <= last:
                continue
            genitive = t.lower in ("des", "der") and self.tokens[k - 1].pos == "NN"
            if (t.pos.startswith("APPR") or genitive) and not self._is_name_particle(k):
                cut = k
        return [i for i in range(first, last + 1) if i in self.in_runs and (i < cut or comma is not None and i > comma)]

    def _is_name_particle(self, k: int) -> bool:
        """`von` in `Ursula von der Leyen`: between two parts of one name."""
        return k - 1 in self.in_runs and self._particle_end(k) is not None

    def pronoun(self, token: Token, previous: Speaker | None, previous_offset: int = 0) -> Speaker:
        """`er`, `sie`, or a possessive (`seiner Meinung nach`): the person it refers to."""
        # a person named since the last statement is the likelier antecedent than its speaker
        not_gender = PRONOUN_EXCLUDES_GENDER.get(token.lower)  # `er` is no Angela Merkel
        name = self.person_before(token.start, after=previous_offset, not_gender=not_gender)
        if name:
            return Speaker(name, True)
        if previous and previous.person and (not_gender is None or self._name_genders.get(previous.name) != not_gender):
            return previous
        if previous and previous.name and token.lower == "sie":
            return previous  # `sie` also stands for a group or a feminine body: `Die Bank erklärte, sie …`
        # no person named yet: news leads often name the speaker only later
        name = self.person_before(token.start, not_gender=not_gender) or self.person_after(token.end)
        return Speaker(name or token.text, name is not None)

    def relative_antecedent(self, token: Token, previous: Speaker | None, previous_offset: int = 0) -> Speaker:
        """`dessen`/`deren` (`der Bürgermeister, nach dessen Angaben …`): the noun right before,
        not the last person named."""
        head = self._noun_before(token, RELATIVE_EXCLUDES.get(token.lower, set()))
        if head is None:
            return self.pronoun(token, previous, previous_offset)
        if head.i in self.in_runs:
            return Speaker(self.full_name(head.i), not self._is_institution(head.text))
        titled = self._titled_person(head)
        if titled:
            return Speaker(titled, True)
        first = head.i
        while first > 0 and self.tokens[first - 1].pos.startswith(("ART", "ADJ", "PPOSAT", "PDAT")) and self.tokens[first - 1].sent == head.sent:
            first -= 1
        return Speaker(self._description(self.tokens[first : head.i + 1]), not self._is_institution(head.text))

    def _noun_before(self, token: Token, excluded_articles: set[str]) -> Token | None:
        """The nearest noun before `token` whose article agrees with it (`dessen` is no `die Tasche`)."""
        for k in range(token.i - 1, -1, -1):
            t = self.tokens[k]
            if t.sent < token.sent - 1:  # `Nach deren Angaben …` opening a sentence points into the one before
                return None
            if t.pos in ("NN", "NE") and t.text[:1].isupper() and self._article_of(k) not in excluded_articles:
                if t.pos == "NE" and self._gender_of(k) == RELATIVE_EXCLUDES_GENDER.get(token.lower):
                    continue
                return t
        return None

    def _article_of(self, noun: int) -> str | None:
        k = noun - 1
        while k >= 0 and self.tokens[k].pos.startswith("ADJ"):
            k -= 1
        return self.tokens[k].lower if k >= 0 and self.tokens[k].pos.startswith(("ART", "PDAT", "PPOSAT")) else None

    def _description(self, tokens: list[Token]) -> str:
        if len(tokens) <= 2 and tokens[-1].text.isupper() and len(tokens[-1].text) > 1:
            expanded = self._expanded_abbreviation(tokens[-1].text)
            if expanded:
                return expanded
        text = self.text_of(tokens[0].i, tokens[-1].i)
        head = self._head(tokens)
        if head is None:
            return text
        # the fullest description the text gave for this head: "die SGB-Delegierten" after
        # "die Delegierten des Gewerkschaftsdachverbandes"
        key = head.text.split("-")[-1].lower()
        known = self.descriptions.get(key)
        if known is None or len(text) > len(known):
            self.descriptions[key] = text
            return text
        return known

    def _expanded_abbreviation(self, abbreviation: str) -> str | None:
        """`SGB` → `der Schweizerische Gewerkschaftsbund (SGB)` where the text spells it out."""
        if self._abbreviations is None:
            self._abbreviations = self._spelled_out_abbreviations()
        return self._abbreviations.get(abbreviation)

    def _spelled_out_abbreviations(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for k, t in enumerate(self.tokens[1:-1], 1):
            if t.text.isupper() and self.tokens[k - 1].text == "(" and self.tokens[k + 1].text == ")" and t.text not in found:
                j = k - 2
                while j >= 0 and (self.tokens[j].pos in ("NN", "NE") or self.tokens[j].pos.startswith("ADJ")) and self.tokens[j].sent == t.sent:
                    j -= 1
                if j >= 0 and self.tokens[j].pos.startswith("ART"):
                    found[t.text] = self.text_of(j, k + 1)
                elif j + 1 <= k - 2:
                    found[t.text] = self.text_of(j + 1, k + 1)
        return found

    @staticmethod
    def _before_apposition(tokens: list[Token]) -> list[Token]:
        """`Sadiq Khan, einer der Abgeordneten`: the phrase before the comma of its apposition."""
        comma = next((k for k, t in enumerate(tokens) if t.text == ","), None)
        return tokens[:comma] if comma else tokens

    @staticmethod
    def _head(tokens: list[Token]) -> Token | None:
        tokens = _before_prepositional_attribute(tokens)
        nouns = [t for t in tokens if t.pos in ("NN", "NE") or is_nounlike(t) or (t.text[:1].isupper() and t.pos.startswith("ADJ"))]
        if not nouns:
            return None
        # the head comes before a genitive attribute: "Sprecher" in "ein Sprecher des Amts"
        for t in nouns:
            if t.i + 1 < len(tokens) + tokens[0].i and t.i + 1 <= tokens[-1].i and tokens[t.i + 1 - tokens[0].i].lower in ("des", "der"):
                return t
        return nouns[-1]

    def _other_referent(self, head: Token, previous: Speaker | None) -> bool:
        """`Sein Anwalt erklärte … Der Steuerberater sagte`: after an unnamed speaker, a description
        whose noun the text used before for someone else (`seinen Steuerberater`) takes up that one."""
        if previous is None or not head.text[:1].isupper() or head.pos != "NN":
            return False
        noun = (head.lemma or head.text).lower()
        if previous.name and noun in previous.name.lower():
            return False
        if previous.name and _base(previous.name.split()[-1]) in self.fullest:
            return False  # a named speaker may well be called so: `Der Text lautete` after `Max Kern ließ …`
        return any(t.pos == "NN" and (t.lemma or t.text).lower() == noun and t.i - 1 not in self.in_runs and t.i + 1 not in self.in_runs for t in self.tokens[: head.i])

    def _titled_otherwise(self, name: str, head: Token) -> bool:
        """Whether the text gives the named person a role noun right before the name that is not
        the description's (`Stürmer Kevin Lang` is not `der Trainer`)."""
        role = head.text.lower().split("-")[-1]
        for first, last in self.runs:
            before = self.tokens[first - 1] if first > 0 else None
            if before is None or before.pos != "NN" or not before.text[:1].isupper() or self.full_name(last) != name:
                continue
            title = before.text.lower()
            if not (title.endswith(role) or role.endswith(title.split("-")[-1]) or len(commonprefix([title.split("-")[-1], role])) >= MIN_SHARED_ROLE):
                return True
        return False

    def _titled_person(self, head: Token) -> str | None:
        """A name that the text introduced with this role: `der Außenminister` ← `Außenminister Wadephul`."""
        role = head.text.lower()
        for first, last in self._runs_before(head.start):
            if first == 0:
                continue
            title = self.tokens[first - 1].text.lower()
            if title.endswith(role) or role.endswith(title.split("-")[-1]):
                return self.full_name(last)
        return None


def _before_prepositional_attribute(tokens: list[Token]) -> list[Token]:
    """`Die Regierung | in Khartum`: the head noun comes before a prepositional attribute."""
    seen_noun = False
    for k, t in enumerate(tokens):
        if seen_noun and t.pos.startswith("APPR"):
            return tokens[:k]
        seen_noun = seen_noun or t.pos in ("NN", "NE")
    return tokens


MIN_SHARED_ROLE = 4  # `Bahn-Personalchef` and `Personalvorstand` name one post


def _description_gender(article: Token, head: Token) -> str | None:
    """`der FDP-Politiker`, `der 45-Jährige`: masculine; `die Ministerin`, `die 34-Jährige`, `die
    Angeklagte`: feminine. A subject's `der` is nominative masculine; `die` before another noun
    may be a plural."""
    adjective_noun = head.lower.endswith(("ige", "te", "de")) or head.pos.startswith("ADJ") and head.lower.endswith("e")
    feminine_noun = head.lower.endswith("in") or article.lower == "die" and adjective_noun
    if article.lower == "der" and not feminine_noun:
        return "m"
    if article.lower == "die" and feminine_noun:
        return "f"
    return None


def _opposite(gender: str | None) -> str | None:
    return {"m": "f", "f": "m"}.get(gender or "")


@lru_cache(maxsize=1)
def _source_words() -> tuple[str, ...]:
    lex = speech_lexicon()
    return tuple(sorted(lex.word_class("source_noun") | lex.word_class("speech_noun")))
