"""What the statements layer produces, and the words and limits it works with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lagebild.document import Span
from lagebild.lang import speech_lexicon
from lagebild.layers.speakers import Speaker

# nouns (and compound endings) that name a source of information after `nach` (`nach Angaben
# von X`, `nach Polizeiangaben`) or before `zufolge`
SOURCE_NOUNS = tuple(sorted(speech_lexicon().word_class("source_noun")))  # lang/de/speech_words.tsv
SPEECH_NOUNS = tuple(sorted(speech_lexicon().word_class("speech_noun")))  # `die Forderung, …zu…`
DOCUMENT_NOUNS = tuple(sorted(speech_lexicon().word_class("document_noun")))  # `in der Mitteilung heißt es`
QUOTED_WORDING_BEFORE = {"ein", "eine", "einen", "einem", "einer", "eines", "als", "keine", "keinen", "keinem", "keiner"}
IMPERSONAL_SOURCES = {"von", "vom", "aus", "seitens", "bei", "beim"}
SPEECH_ACTS = {"say", "report", "announce", "accuse", "criticise", "demand", "reject", "warn", "promise", "ask", "write", "mention", "judge", "estimate", "advocate"}
OBJECT_ACTS = {"mention", "judge", "estimate", "advocate"}  # acts told by a prepositional or predicative object: `sprach von einem Erfolg`
REPORTED_ACTS = {"accuse", "demand", "warn", "write"} | OBJECT_ACTS  # acts whose noun object carries what was said: `forderte den Rücktritt`
ATTITUDES = {"opinion", "judge", "estimate"}  # views held rather than said: impersonal ones (`es wird erwartet`) are nobody's
EVENT_LIKE_SOURCES = ("bericht", "hinweis")  # "nach dem Bericht": "after" unless a holder follows
# determiners that mark a noun phrase as accusative (or dative plural): never the subject that speaks
ACCUSATIVE_DETERMINERS = {"den", "einen", "keinen", "seinen", "ihren", "meinen", "unseren", "diesen", "jenen"}
# words that open the holder of a source noun: `Angaben der Polizei`, `eines Sprechers`, `von X`
HOLDER_STARTS = {"der", "des", "eines", "einer", "seines", "seiner", "ihres", "ihrer", "dieses", "dieser", "von", "vom"}
NAMING_VERBS = {"nennen", "bezeichnen"}  # verbs of naming (`wie ihn die Eisenbahner nennen`, `genannt`): they say nothing
CONJUNCTION_PREPOSITIONS = {"während", "seit", "bis", "als"}  # prepositions and subordinators alike: `während er sprach`
RELATIVE_DETERMINERS = {"dessen", "deren"}  # `nach deren Angaben`, which the tagger may read as a pronoun
UNSAID = (-1, -1)  # a speaker phrase that names nobody: passives without agent
CONTINUATION_WINDOW = 8  # units after the last statement in which Konjunktiv I continues it
KONJ2_WINDOW = 2  # Konjunktiv II is also hypothetical in narration: only right after a statement



@dataclass
class Statement:
    kind: str
    message: Span
    cue: Span | None
    speaker: Speaker | None
    mention: Span | None
    sentence: int
    addressee: Span | None = None
    medium: Span | None = None
    provisional: bool = False  # speaker guessed before any attribution; the next one may replace it
    # who continues after this statement when not its own speaker ("X wies Berichte zurück, wonach …")
    speaks_on: tuple[Speaker | None, Span | None] | None = None
    entity: str | None = None  # knowledge-base id of the speaker (speaker linking layer)
    time: Any = None  # when the statement was made, a Timex (set by the dating layer), or None

    def to_json(self, number: int) -> dict:
        return {
            "id": f"st{number}",
            "kind": self.kind,
            "message": self.message.to_json(),
            "cue": self.cue.to_json() if self.cue else None,
            "speaker": {
                "name": self.speaker.name if self.speaker else None,
                "mention": self.mention.to_json() if self.mention else None,
                "entity": self.entity,
            },
            "addressee": self.addressee.to_json() if self.addressee else None,
            "medium": self.medium.to_json() if self.medium else None,
            "sentence": self.sentence,
            "time": self.time.to_json() if self.time is not None else None,
        }


@dataclass
class Cue:
    tokens: list[int]  # the cue words, e.g. [kündigte, an]
    kind: str  # verb | prep | so | colon
    anchor: int  # the token the orientation is judged from


