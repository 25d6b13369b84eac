"""Stage 1, LOAD: every way a handout file can be wrong gives one exact line: file:line: what — fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from hfs_pdf.content import load_handout
from hfs_pdf.content.markup import Cite, Link, MarkupError, Placeholder, Text, parse_markup
from hfs_pdf.errors import ContentError
from hfs_pdf.model import DRAWINGS

from .conftest import PROJECT, line_of, problems_of

SOURCE = (PROJECT / "handouts" / "overview.yaml").read_text(encoding="utf-8")
QUESTIONS_BLOCK = SOURCE[SOURCE.index("questions:\n") : SOURCE.index("get_help:")]


def _broken(tmp_path: Path, old: str, new: str, name: str = "overview") -> Path:
    assert old in SOURCE, f"test fixture drifted: {old!r} not in overview.yaml"
    path = tmp_path / f"{name}.yaml"
    path.write_text(SOURCE.replace(old, new, 1), encoding="utf-8")
    return path



def _problems(path: Path) -> list[str]:
    return problems_of(load_handout, ContentError, path)


def test_the_shipped_overview_loads():
    handout = load_handout(PROJECT / "handouts" / "overview.yaml")
    assert handout.id == "overview" and 3 <= len(handout.sections) <= 6


CASES = {
    "unknown-key": ("title: Hemifacial", "subtitle: x\ntitle: Hemifacial", "subtitle",
                    "unknown key subtitle — expected one of: id, title, review, key_points, sections, questions, references, get_help"),
    "duplicate-key": ("title: Hemifacial", "title: Again\ntitle: Hemifacial", "title: Hemifacial",
                      "title is given twice — keep one of them"),
    "wrong-type": (QUESTIONS_BLOCK, "questions: What is causing it?\n", "questions: What",
                   "questions must be a list (lines starting with '- ')"),
    "empty-text": ("  - Is it safe for me to drive?", '  - ""', '  - ""',
                   "questions[4] is empty — write the text or remove the item"),
    "impossible-date": ("last_reviewed: 2026-12-02", "last_reviewed: 2026-02-30", "last_reviewed",
                        "review.last_reviewed is '2026-02-30', which is not a real date — check the month and day"),
    "not-a-date": ("next_review: 2027-11-24", "next_review: next year", "next_review",
                   "review.next_review must be a date written YYYY-MM-DD"),
    "review-order": ("next_review: 2027-11-24", "next_review: 2025-01-01", "next_review",
                     "review.next_review (2025-01-01) must be after last_reviewed (2026-12-02)"),
    "unresolved-citation": ("unsafe [@tambasco2021]", "unsafe [@tambasco2012]", "unsafe [@tambasco2012]",
                            "citation [@tambasco2012] does not match any reference key (known: lu2014, cochrane2020, "
                            "tambasco2021, medscape, miller2012, gong2022, asa-stroke) — fix the key or add the reference"),
    "unknown-placeholder": ("Talk to your doctor first.", "Call {clinic_fax} first.", "Acupuncture and herbal medicine.",
                            "sections[3].blocks[0].bullets[3]: unknown placeholder {clinic_fax} — use one of {clinic_name}, "
                            "{clinic_phone}, {emergency_number}, or write {{ and }} for literal braces"),
    "unclosed-bold": ("**primary** hemifacial", "**primary hemifacial", "Doctors call this **primary",
                      "sections[1].blocks[0].paragraph: ** opens bold text that is never closed — add the closing **"),
    "number-as-text": ('version: "1.2"', "version: 1.2", "version: 1.2",
                       "review.version must be text — put it in quotes if it looks like a number or date"),
    "bad-callout-kind": ("kind: tip", "kind: note", "kind: note",
                         "sections[3].blocks[3].callout.kind is 'note' — it must be one of: tip, warning, emergency"),
    "unknown-drawing": ("drawing: face-spasm", "drawing: smiley", "drawing: smiley",
                        "sections[0].blocks[3].figure.drawing is 'smiley' — it must be one of: " + ", ".join(DRAWINGS)),
    "unknown-drawing-in-a-box": ("drawing: stroke-signs", "drawing: smiley", "drawing: smiley",
                                 "get_help.figure.drawing is 'smiley' — it must be one of: " + ", ".join(DRAWINGS)),
    "figure-without-alt": ("          alt: >-\n            Drawing of a face. On one side, the eye is squeezed shut. Shading and arrows show the\n"
                           "            twitching spreading from the eye down to the cheek and the corner of the mouth.\n", "",
                           "drawing: face-spasm", "sections[0].blocks[3].figure.alt is missing — add it"),
    "short-table-row": ("              - Within a few days\n", "", "- - Botulinum toxin injections",
                        "sections[3].blocks[2].table.rows[0] has 5 cells for 6 columns — give every row one cell per column"),
    "malformed-yaml": ("  - What is causing", "  -What: is: causing", "-What: is: causing",
                       "malformed YAML: mapping values are not allowed here — check indentation, quotes and colons"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_mistake_is_one_exactline_of(tmp_path: Path, case: str):
    old, new, needle, message = CASES[case]
    path = _broken(tmp_path, old, new)
    assert _problems(path) == [f"FILE:{line_of(path, needle)}: {message}"]


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path):
    path = tmp_path / "overview-copy.yaml"
    path.write_text(SOURCE.replace(" [@gong2022]", "").replace("version: \"1.2\"", "version: \"\""), encoding="utf-8")
    assert _problems(path) == [
        "FILE:1: id 'overview' does not match the file name — rename the file to overview.yaml or fix the id",
        "FILE:4: review.version is empty — write the text or remove the item",
        f"FILE:{line_of(path, 'key: gong2022')}: reference 'gong2022' is never cited — cite it with [@gong2022] or remove it",
    ]


def test_missing_required_keys_are_all_named(tmp_path: Path):
    path = tmp_path / "tiny.yaml"
    path.write_text("id: tiny\ntitle: Tiny\n")
    assert _problems(path) == [
        f"FILE:1: {key} is missing — add it" for key in ("review", "key_points", "sections", "questions", "references")
    ]


def test_empty_file(tmp_path: Path):
    path = tmp_path / "empty.yaml"
    path.write_text("")
    assert _problems(path) == ["FILE: file is empty — see handouts/README.md for the format"]


class TestMarkup:
    def test_spans(self):
        assert parse_markup("Call {clinic_phone} **now** [@lu2014] or see [our page](https://example.org/x).") == (
            Text("Call "), Placeholder("clinic_phone"), Text(" "), Text("now", strong=True), Text(" "),
            Cite("lu2014"), Text(" or see "), Link("our page", "https://example.org/x"), Text("."),
        )

    def test_html_is_just_text(self):
        assert parse_markup('<img src="x"> & <font color=red>') == (Text('<img src="x"> & <font color=red>'),)

    def test_literal_braces(self):
        assert parse_markup("{{x}}") == (Text("{x}"),)

    @pytest.mark.parametrize(
        "source, message",
        [
            ("a } b", "lone brace — write {{ or }} for a literal brace, or a {placeholder}"),
            ("[x](javascript:alert(1))", None),
            ("[x](ftp://example.org)", "link 'ftp://example.org' must start with https:// or http://"),
        ],
    )
    def test_rejected(self, source: str, message: str | None):
        if message is None:  # not a link at all (parentheses inside): stays literal text
            assert parse_markup(source) == (Text(source),)
            return
        with pytest.raises(MarkupError) as caught:
            parse_markup(source)
        assert str(caught.value) == message


@pytest.mark.parametrize("form, says", [
    ("caption: Diary\n          columns: [Day, Spasms]\n          rows: [Day 1]\n          example: [Example]\n          alt: A form.",
     "form.example has 1 cells for 2 columns"),
    ("caption: Diary\n          columns: [Day, Spasms]\n          rows: 13\n          alt: A form.",
     "form.rows is 13 — it must be from 1 to 12"),
    ("caption: Diary\n          columns: [Day]\n          rows: [Day 1]\n          alt: A form.",
     "form.columns has 1 item(s) — it needs 2 to 5"),
])
def test_a_bad_form_names_its_line(tmp_path: Path, form: str, says: str):
    source = (PROJECT / "handouts" / "diagnosis.yaml").read_text(encoding="utf-8")
    start = source.index("      - form:")
    end = source.index("  - heading: MRI and MRA scans")
    path = tmp_path / "diagnosis.yaml"
    path.write_text(source[:start] + "      - form:\n          " + form + "\n" + source[end:], encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_handout(path)
    assert any(says in str(problem) and f"{path.name}:" in str(problem) for problem in caught.value.problems), caught.value.problems
