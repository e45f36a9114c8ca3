"""The summary of one report: paragraphs of sentences plus the structured facts they were written from."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Paragraph:
    id: str  # who, requests, arithmetic, proactive, appeals, work, problems, other_matters, disagreements, rendering
    heading: str
    sentences: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass
class KeySentence:
    """A sentence of the report picked by TextRank, with the offsets it came from and its terms glossed."""

    text: str
    section: str
    start: int | None  # character offsets into the report's normalized text, where found
    end: int | None
    glosses: list[tuple[str, str]] = field(default_factory=list)  # (Chinese term, English)
    score: float = 0.0


@dataclass
class Summary:
    report: dict  # the report's metadata (Report.meta())
    lang: str  # "en" or "zh"
    heading: str
    paragraphs: list[Paragraph]
    facts: dict  # the figures and checks the sentences state, for JSON readers and tests
    key_sentences: list[KeySentence] = field(default_factory=list)
    agency_english: str = ""

    def paragraph(self, pid: str) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.id == pid), None)

    @property
    def text(self) -> str:
        """The prose: every paragraph's sentences, one paragraph per line."""
        return "\n".join(p.text for p in self.paragraphs if p.sentences)

    def to_dict(self) -> dict:
        return {
            "report": self.report,
            "lang": self.lang,
            "heading": self.heading,
            "agency_english": self.agency_english,
            "paragraphs": [asdict(p) for p in self.paragraphs],
            "key_sentences": [asdict(k) for k in self.key_sentences],
            "facts": self.facts,
        }
