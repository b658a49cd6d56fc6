"""Extractors: one module per mention kind, each a plain function `find_*(doc) -> list[Mention]`.

They read `doc.text`/`doc.match_text` (and mentions of earlier stages) and
know nothing of the database, the CLI or the web app.
"""
