"""The plain-language gate: English body text at US grade ≤ 8 and no sentence over 25 words."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from hfs_pdf.cli import cli
from hfs_pdf.content import load_handout
from hfs_pdf.readability import MAX_ENGLISH_GRADE, MAX_SENTENCE_WORDS, assess

from .conftest import HANDOUT_IDS, PROJECT


def test_every_english_handout_passes_the_gate():
    for handout_id in HANDOUT_IDS:
        result = assess(load_handout(PROJECT / "handouts" / f"{handout_id}.yaml"), "en")
        assert result.score <= MAX_ENGLISH_GRADE, handout_id
        assert result.longest.length <= MAX_SENTENCE_WORDS, (handout_id, result.longest)
        assert result.median_sentence <= 15, handout_id


def test_check_reports_each_handout(runner: CliRunner, project_copy: Path):
    result = runner.invoke(cli, ["check", "--lang", "en", "--root", str(project_copy)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.output.splitlines()[1:]]
    assert sorted(row[1] for row in rows) == HANDOUT_IDS
    assert all(row[2:4] == ["Flesch-Kincaid", "grade"] and float(row[4]) <= MAX_ENGLISH_GRADE for row in rows)


def test_a_long_sentence_fails_with_its_place(runner: CliRunner, project_copy: Path):
    overview = project_copy / "handouts" / "overview.yaml"
    long = "It often starts around one eye and then it can spread over many months and years to the cheek and the corner of the mouth on the same side."
    overview.write_text(overview.read_text().replace(
        "It often starts around one eye. Over time it can spread to the cheek and the corner of the mouth.", long))
    result = runner.invoke(cli, ["check", "--lang", "en", "--root", str(project_copy)], catch_exceptions=False)
    assert result.exit_code == 1
    assert (
        f"error: {overview}: sections[0].blocks[1].paragraph: a sentence has {len(long.split())} words (limit 25) — split it: "
        f"{long[:80]!r}"
    ) in result.output


def test_hard_words_raise_the_grade_and_fail(runner: CliRunner, project_copy: Path):
    hard = ("Neurovascular compression pathophysiology necessitates comprehensive multidisciplinary "
            "evaluation, particularly regarding intraoperative electrophysiological monitoring.")
    blocks = "\n".join(f"      - paragraph: {hard}" for _ in range(3))
    sections = "\n".join(f"  - heading: Part {n}\n    blocks:\n{blocks}" for n in range(3))
    (project_copy / "handouts" / "jargon.yaml").write_text(
        "id: jargon\ntitle: Jargon\nreview:\n  version: '1.0'\n  status: draft\n  last_reviewed: 2026-11-24\n"
        f"  next_review: 2027-11-24\nkey_points: {hard} [@a]\nsections:\n{sections}\n"
        "questions:\n  - Is this clear?\n  - Why not?\nreferences:\n  - key: a\n    text: A source.\n"
    )
    result = runner.invoke(cli, ["check", "--lang", "en", "--root", str(project_copy)], catch_exceptions=False)
    assert result.exit_code == 1
    jargon = next(line for line in result.output.splitlines() if line.startswith("error:") and "jargon.yaml" in line)
    assert jargon.startswith(f"error: {project_copy / 'handouts' / 'jargon.yaml'}: reading grade ")
    assert jargon.endswith(" is above 8 — use shorter words and sentences")
