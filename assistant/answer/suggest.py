"""The closest readings of a question no reading was sure of, ranked by a character n-gram model.

The model is trained deterministically on first use from the domain's own words: each measure's
Chinese and English names and every phrase that names it, as character 1–3-grams (TF-IDF, cosine
similarity). Misspelt, partial or unusual wordings still land near the measure they resemble. No
download, no randomness: the same question always gets the same suggestions.
"""

from __future__ import annotations

from functools import cache

from assistant.answer.answer import Suggestion, number
from assistant.answer.figures import addresses, columns_of, value_of
from assistant.answer.measures import Measure, match_column, measures
from assistant.answer.read import Query
from assistant.domain.record import Report

TOP = 3


@cache
def _model():
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [" ".join((m.english, m.chinese, *m.phrases)).lower() for m in measures()]
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True)
    return vectorizer, vectorizer.fit_transform(docs)


def ranked(text: str) -> list[tuple[float, Measure]]:
    """Every measure with its similarity to the text, most similar first (ties by key)."""
    vectorizer, matrix = _model()
    sims = (matrix @ vectorizer.transform([text.lower()]).T).toarray().ravel()
    return sorted(((float(s), m) for s, m in zip(sims, measures(), strict=True)), key=lambda x: (-x[0], x[1].key))


def suggestions(query: Query, report: Report | None) -> list[Suggestion]:
    """Two or three measures the question may mean, with their figure where one report is in scope."""
    candidates = [p.readings for p in query.parts]
    keys = [r.key for rs in candidates for r in rs]
    by_key = {m.key: m for m in measures()}
    picks = [(1.0, by_key[k]) for k in dict.fromkeys(keys)]
    picks += [x for x in ranked(query.text) if x[1].key not in keys and x[0] > 0.1]
    if report is not None:  # only what this report can answer
        picks = [(s, m) for s, m in picks if columns_of(report, m)]
    out = []
    for score, m in picks[:TOP]:
        label = f"{m.english} ({m.chinese})" if query.lang == "en" else m.chinese
        if report is not None:
            cols = columns_of(report, m)
            if cols:
                value, _ = value_of(report, addresses(report, m, match_column("", m, cols)))
                label += f" — {number(value, query.lang)}"
        question = f"How many {m.english}?" if query.lang == "en" else f"{m.chinese}有多少？"
        out.append(Suggestion(label, question, round(score, 3)))
    return out
