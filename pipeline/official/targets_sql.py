"""SQL for the knowledge table: official documents, their targets, and what others report against them.

The store (pipeline/store.py) does not load these tables yet; the store owner
wires them from `record.self` / `record.targets`.  Proposed tables:

    official_documents  one row per document with a header (record "self"):
        doc_id, key, doc_type, type_code, number, symbol, number_symbol,
        issuer, issuer_parent, place, signed DATE (header date), title,
        party BOOLEAN, signer_name, signer_title, signer_capacity VARCHAR[],
        signing_mode, recipients VARCHAR[], header_start, header_end
    document_targets    one row per target (record "targets"):
        doc_id, key, kind ('quantity' | 'date'), char_start, char_end, text,
        value_num DOUBLE (quantities), value_date VARCHAR (dates, ISO, may be
        partial), unit, subject, section (path "II.1.b"), due VARCHAR (ISO)

`TARGETS_VIEW` joins each document's own targets with the results that
other documents report for the same key: a reporting quantity (kind
'result') in a document that cites the key in the same sentence, with the
same unit when both have one, published after the target was set.  The
`gap` is result - target for comparable units.
"""

OFFICIAL_DOCUMENTS_DDL = """
CREATE TABLE IF NOT EXISTS official_documents (
    doc_id VARCHAR, key VARCHAR, doc_type VARCHAR, type_code VARCHAR, number VARCHAR,
    symbol VARCHAR, number_symbol VARCHAR, issuer VARCHAR, issuer_parent VARCHAR,
    place VARCHAR, signed DATE, title VARCHAR, party BOOLEAN, signer_name VARCHAR,
    signer_title VARCHAR, signer_capacity VARCHAR[], signing_mode VARCHAR,
    recipients VARCHAR[], header_start BIGINT, header_end BIGINT);
CREATE TABLE IF NOT EXISTS document_targets (
    doc_id VARCHAR, key VARCHAR, kind VARCHAR, char_start BIGINT, char_end BIGINT,
    text VARCHAR, value_num DOUBLE, value_date VARCHAR, unit VARCHAR, subject VARCHAR,
    section VARCHAR, due VARCHAR);
"""

TARGETS_VIEW = """
CREATE OR REPLACE VIEW targets AS
WITH reports AS (
    -- a result quantity reported in the same sentence as a citation of the key
    SELECT c.key, q.doc_id AS report_doc_id, d.published AS reported_on,
           q.text AS result_text, q.value AS result_value, q.unit AS result_unit,
           q.subject AS result_subject, c.pinpoint AS result_pinpoint,
           q.char_start AS result_start
    FROM quantities q
    JOIN citations c
      ON c.doc_id = q.doc_id AND c.sentence_index = q.sentence_index AND NOT c.is_self
    JOIN documents d ON d.doc_id = q.doc_id
    WHERE q.kind = 'result'
)
SELECT t.key, o.doc_type, o.number_symbol, o.issuer, o.signed, o.title,
       t.doc_id AS target_doc_id, t.section, t.kind AS target_kind, t.text AS target_text,
       t.value_num AS target_value, t.value_date AS target_date, t.unit AS target_unit,
       t.subject AS target_subject, t.due,
       r.report_doc_id, r.reported_on, r.result_text, r.result_value, r.result_unit,
       r.result_subject, r.result_pinpoint,
       CASE WHEN t.kind = 'quantity' AND r.result_value IS NOT NULL
                 AND coalesce(t.unit, '') = coalesce(r.result_unit, '')
            THEN r.result_value - t.value_num END AS gap,
       CASE WHEN t.due IS NOT NULL AND r.reported_on IS NOT NULL
            THEN r.reported_on <= TRY_CAST(
                     CASE WHEN length(t.due) = 4 THEN t.due || '-12-31'
                          WHEN length(t.due) = 7 THEN t.due || '-28' ELSE t.due END AS DATE)
       END AS reported_before_due
FROM document_targets t
LEFT JOIN official_documents o ON o.doc_id = t.doc_id
LEFT JOIN reports r
       ON r.key = t.key AND r.report_doc_id <> t.doc_id
      AND (t.unit IS NULL OR r.result_unit IS NULL OR t.unit = r.result_unit)
      AND (o.signed IS NULL OR r.reported_on IS NULL OR r.reported_on >= o.signed)
ORDER BY t.key, t.doc_id, t.char_start, r.reported_on;
"""


def official_rows(doc_id: str, record_self: dict, targets: list[dict]) -> tuple[dict, list[dict]]:
    """Rows for the two proposed tables from a record's "self" and "targets".

    >>> o, ts = official_rows("d", {"key": "KH 1 UBND", "signer": None, "recipients": [],
    ...                              "spans": {"header": [0, 9]}}, [{"key": "KH 1 UBND",
    ...     "kind": "quantity", "start": 3, "end": 7, "text": "100%", "value": 100.0,
    ...     "unit": "%", "subject": None, "section": "II.1", "due": "2030"}])
    >>> o["key"], o["header_end"], ts[0]["value_num"], ts[0]["value_date"]
    ('KH 1 UBND', 9, 100.0, None)
    """
    sig = record_self.get("signer") or {}
    span = record_self.get("spans", {}).get("header", [None, None])
    o = {k: record_self.get(k) for k in ("key", "doc_type", "type_code", "number", "symbol",
                                         "number_symbol", "issuer", "issuer_parent", "place",
                                         "title", "party")}
    o.update(doc_id=doc_id, signed=record_self.get("date"), signer_name=sig.get("name"),
             signer_title=sig.get("title"), signer_capacity=sig.get("capacity") or [],
             signing_mode=sig.get("mode"), recipients=record_self.get("recipients") or [],
             header_start=span[0], header_end=span[1])
    ts = []
    for t in targets:
        num = t["kind"] == "quantity"
        ts.append({"doc_id": doc_id, "key": t["key"], "kind": t["kind"], "char_start": t["start"],
                   "char_end": t["end"], "text": t["text"],
                   "value_num": t["value"] if num else None,
                   "value_date": None if num else t["value"], "unit": t["unit"],
                   "subject": t["subject"], "section": t["section"], "due": t["due"]})
    return o, ts
