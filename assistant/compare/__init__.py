"""Two reports -> their differences: figures side by side, the cross-year carry-over check, the text
sentence by sentence, the narrative facts, and a short English or Chinese paragraph.

Modules: figures (the figures both layouts share, with change and percent change), crossyear (B's 上年结转
against A's 结转下年度, per applicant column; the typed warning), corpus (the same check over every
consecutive pair of an agency's reports in the store), text (sentence-level differences of each
section), narrative (narrative facts matched by measure), exact (decimal arithmetic on figures), summary
(the whole comparison, its JSON and prose), render (terminal text), resolve (what `assistant compare A B`
names: report ids, files, or an agency and years), qa (the Q&A's "what changed" hook).

Stage order: compare reads domain, extract and store; answer and summarize may call it (the Q&A's
"what changed" headline, the digest's cross-year check). Import the modules, not this package's names.
"""
