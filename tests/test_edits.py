"""An edited document in a diff (issue 15): its rows are paired with their old selves as changes."""

from __future__ import annotations

from flows.diff import diff_tables, follow_edits
from flows.edits import edited, offset_map
from flows.store import to_arrow

OLD = "Police chief Riffat Mukhtar said on Monday that 12 women were rescued."
NEW = "On Monday, police chief Riffat Mukhtar Raja said that 12 women were rescued in Lahore."


def _official(id_, doc, text, name):
    start = text.index("Riffat")
    return {"id": id_, "doc_id": doc, "name": name, "title": "police chief", "start": start,
            "end": start + len(name), "evidence": text}  # fmt: skip


def test_offsets_follow_the_text_through_an_edit():
    move = offset_map(OLD, NEW)
    assert NEW[move(OLD.index("Riffat")) :].startswith("Riffat Mukhtar")
    assert NEW[move(OLD.index("12 women")) :].startswith("12 women")


def test_an_edited_documents_row_is_a_field_level_change_not_a_removal_and_an_addition():
    before = to_arrow("officials", [_official("a", "d1", OLD, "Riffat Mukhtar")])
    after = to_arrow("officials", [_official("b", "d2", NEW, "Riffat Mukhtar Raja")])
    td = diff_tables("officials", before, after)
    assert (len(td.added), len(td.removed)) == (1, 1)
    versions = edited({"d1": "a.txt"}, {"d2": "a.txt"})
    assert versions == {"d1": "d2"}
    paired = follow_edits(td, versions, {"d1": offset_map(OLD, NEW)})
    assert (paired.added, paired.removed) == ((), ())
    (change,) = paired.changed
    assert change.changed == {"name": ("Riffat Mukhtar", "Riffat Mukhtar Raja"), "evidence": (OLD, NEW)}


def test_a_row_that_only_moved_is_no_change():
    text = "Riffat Mukhtar said so."
    before = to_arrow("officials", [_official("a", "d1", text, "Riffat Mukhtar")])
    moved = "Yesterday " + text
    after = to_arrow("officials", [{**_official("b", "d2", moved, "Riffat Mukhtar"), "evidence": text}])
    td = follow_edits(diff_tables("officials", before, after), {"d1": "d2"}, {"d1": offset_map(text, moved)})
    assert td.is_empty()
