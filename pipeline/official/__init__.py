"""Official documents as input: the `official` stage (header, outline, self-references, targets).

Runs after every extractor (it needs the quantities' kind) and before
"finalise".  On a text without an official header it does nothing.  On an
official document it writes:

- `doc.meta["record.self"]`: the self block (header.Header.to_json): key,
  doc_type, number, symbol, number_symbol, issuer, issuer_parent, place,
  date, title, party, signer {name, title, capacity, mode}, recipients, spans;
- `doc.meta["sections"]`: the list of structure.Section, and
  `doc.meta["record.sections"]`: [{path, kind, start, end, heading}];
- self-references ("Quyết định này") appended to `doc.references`
  (is_self=True, key = self key) and pinpoints filled on all references;
- `doc.meta["record.mention_sections"]`: one row per mention that lies in a
  section, {"kind": "references"|"dates"|"quantities"|"officials", "start",
  "end", "section": path}; keyed by offsets, so it survives re-sorting;
- `doc.meta["record.targets"]`: targets.find_targets rows (self key,
  section path, value, unit, subject, due).

>>> from pipeline.model import Document
>>> t = ("**ỦY BAN NHÂN DÂN**\\nTỈNH BẮC NINH\\n|\\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\\n|\\n"
...      "Số: 141/KH-UBND\\n|\\n*Bắc Ninh, ngày 20 tháng 11 năm 2025*\\n|\\n**KẾ HOẠCH**\\nNÂNG CAO NĂNG LỰC\\n\\n"
...      "**I. MỤC ĐÍCH**\\n1. Triển khai Kế hoạch này kịp thời.\\n")
>>> d = official_stage(Document.from_text(t))
>>> d.meta["record.self"]["key"], [s["path"] for s in d.meta["record.sections"]]
('KH 141 UBND', ['I', 'I.1'])
>>> [(r.text, r.is_self) for r in d.references], d.meta["record.mention_sections"][0]["section"]
([('Kế hoạch này', True)], 'I.1')
"""
from __future__ import annotations

from pipeline.model import Document
from pipeline.official.header import Header, find_header
from pipeline.official.selfref import fill_pinpoints, find_self_references
from pipeline.official.structure import Section, find_sections, section_at
from pipeline.official.targets import find_targets

__all__ = ["official_stage", "find_header", "find_sections", "section_at",
           "find_self_references", "fill_pinpoints", "find_targets", "Header", "Section"]


def official_stage(doc: Document) -> Document:
    """Stage "official": see the module docstring for what it writes."""
    header = find_header(doc)
    if header is None:
        return doc
    sig = header.signature
    body_end = sig.start if sig is not None and sig.start > header.end else len(doc.text)
    sections = find_sections(doc.text, header.end, body_end)
    doc.meta["official.header"] = header
    doc.meta["record.self"] = header.to_json()
    if doc.published is None and header.date and len(header.date) == 10:
        doc.published = header.date  # an official document is published on its date
    doc.meta["sections"] = sections
    doc.meta["record.sections"] = [s.to_json() for s in sections]
    known = {(r.start, r.end) for r in doc.references}
    selfrefs = [r for r in find_self_references(doc, header) if (r.start, r.end) not in known]
    refs = fill_pinpoints(doc, list(doc.references) + selfrefs)
    doc.references = sorted(refs, key=lambda r: (r.start, r.end))
    rows = []
    for kind in ("references", "officials", "dates", "quantities"):
        for m in getattr(doc, kind):
            sec = section_at(sections, m.start)
            if sec is not None:
                rows.append({"kind": kind, "start": m.start, "end": m.end, "section": sec.path})
    rows.sort(key=lambda r: (r["start"], r["end"], r["kind"]))
    doc.meta["record.mention_sections"] = rows
    doc.meta["record.targets"] = find_targets(doc, header.key, header.date, sections)
    return doc
