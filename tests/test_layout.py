"""Layout pieces whose behaviour the handouts rarely exercise: balanced reference columns."""

from __future__ import annotations

from reportlab.platypus import Spacer

from hfs_pdf.layout.flowables import BalancedRows


def _rows(*heights: float) -> list[Spacer]:
    return [Spacer(10, height) for height in heights]


def test_rows_fill_the_first_column_then_the_next_with_the_tallest_column_as_short_as_possible():
    columns = BalancedRows(_rows(30, 10, 10, 10, 20, 20), columns=2, gap=12)
    width, height = columns.wrap(212, 1000)
    assert (width, height) == (212, 50)  # 30+10+10 | 10+20+20
    assert columns._breaks == [3]


def test_a_row_taller_than_the_rest_sets_the_height():
    columns = BalancedRows(_rows(80, 10, 10), columns=2, gap=12)
    assert columns.wrap(212, 1000)[1] == 80


def test_split_keeps_the_rows_that_fit_balanced_and_sends_the_rest_on_in_order():
    rows = _rows(20, 20, 20, 20, 20, 20)
    columns = BalancedRows(rows, columns=2, gap=12)
    assert columns.wrap(212, 1000)[1] == 60
    first, rest = columns.split(212, 45)
    assert first.rows == rows[:4] and rest.rows == rows[4:]
    assert first.wrap(212, 45)[1] == 40


def test_nothing_fits_means_no_split():
    assert BalancedRows(_rows(50, 50), columns=2, gap=12).split(212, 30) == []
