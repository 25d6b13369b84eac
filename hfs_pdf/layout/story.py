"""Handout × brand × styles → the story: the ordered flowables of the handout's body."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from hfs_pdf.content.markup import parse_markup, plain_text
from hfs_pdf.i18n import N_, Localization, source_localization
from hfs_pdf.layout.flowables import BalancedRows, Centred, ListRow, RightToLeftTable, WriteInLines
from hfs_pdf.layout.structure import Node, Tagged
from hfs_pdf.layout.text import spoken_text
from hfs_pdf.layout.inline import InlineContext, link_markup, plain_markup, to_markup
from hfs_pdf.layout.styles import Styles
from hfs_pdf.layout.figures import draw_figure
from hfs_pdf.model import (
    Block, Brand, BulletList, Callout, Figure as FigureBlock, Form as FormBlock, Handout, Paragraph as ParagraphBlock,
    PersonalDetails,
    ReviewStatus, StepList, Table as TableBlock,
)
from hfs_pdf.layout.bidi import isolate
from hfs_pdf.palette import CALLOUT_TINTS, key_points_background

KEY_POINTS = N_("Key points")
QUESTIONS = N_("Questions to ask your doctor")
REFERENCES = N_("References")
DRAFT_NOTICE = N_("Draft — pending clinical review. A clinician has not yet checked this handout.")
# Translators: {reviewer} is a role such as "Neurologist", kept in the clinic's words.
REVIEWED_NOTICE = N_("Reviewed by: {reviewer}")
TRANSLATION_PENDING = N_(
    "This translation was drafted by machine and has not yet been checked by a human translator. "
    "Ask the clinic staff if anything is unclear."
)
TRANSLATION_UNCHECKED = N_(
    "This translation has not yet been checked by a second, qualified translator. "
    "Ask the clinic staff if anything is unclear."
)
# Translators: {reviewer} is the name or role of the person who checked this translation.
TRANSLATION_REVIEWED = N_("Translation checked by {reviewer}.")
# A personalised copy's box (hfs-pdf build --patient … --note …).
FOR_YOU = N_("For you")
# Translators: {patient} is the patient's name as the clinician typed it.
FOR_PATIENT = N_("For: {patient}")
# Translators: {clinician} is a name such as "Dr. Rivera".
FOR_CLINICIAN = N_("Your clinician: {clinician}")
# Translators: {date} is filled in already formatted for your language.
FOR_NEXT_VISIT = N_("Your next visit: {date}")
FOR_NOTE = N_("A note from your clinician:")
CHROME = (KEY_POINTS, QUESTIONS, REFERENCES, DRAFT_NOTICE, REVIEWED_NOTICE, TRANSLATION_PENDING, TRANSLATION_UNCHECKED,
          TRANSLATION_REVIEWED, FOR_YOU, FOR_PATIENT, FOR_CLINICIAN, FOR_NEXT_VISIT, FOR_NOTE)

WRITE_IN_LINES = 2


class _Builder:
    """Makes flowables and the structure node each one belongs to, in reading order."""

    def __init__(self, handout: Handout, brand: Brand, localization: Localization, styles: Styles, document: Node):
        self.styles = styles
        self.gettext = localization.gettext
        self.context = InlineContext(
            placeholders={"clinic_name": brand.name, "clinic_phone": brand.phone, "emergency_number": brand.emergency_number},
            citations=handout.citation_numbers(),
            link_color=brand.colors.primary,
            right_to_left=styles.right_to_left,
            superscript_citations=styles.superscript_citations,
            own_lines=styles.script.own_lines,
        )
        self.make_paragraph = styles.script.make_paragraph  # ReportLab cannot set right-to-left or CJK lines itself
        self.joiner = "" if localization.locale.language in ("zh", "ja") else " "
        self.document = document

    def tagged(self, markup: str, style, parent: Node, role: str = "P", *, joiner: str | None = None,
               make_paragraph=None, **attributes) -> Tagged:
        node = parent.add(role, **attributes)
        joiner = self.joiner if joiner is None else joiner
        paragraph = (make_paragraph or self.make_paragraph)(markup, style)
        return Tagged(paragraph, node, lambda f: spoken_text(f, joiner))

    def para(self, source: str, style, parent: Node, role: str = "P", **attributes) -> Tagged:
        title = plain_text(parse_markup(source), self.context.placeholders) if role.startswith("H") else None
        return self.tagged(to_markup(source, self.context), style, parent, role, title=title, **attributes)

    def chrome(self, message: str, style, parent: Node, role: str = "P", **values: str) -> Tagged:
        """A translated page-chrome string as a tagged paragraph."""
        text = self.gettext(message).format(**values)
        return self.tagged(plain_markup(text, self.styles.right_to_left), style, parent, role,
                           title=text if role.startswith("H") else None)


def build_story(handout: Handout, brand: Brand, localization: Localization, styles: Styles, document: Node,
                personal: PersonalDetails | None = None, english: tuple[Handout, Styles] | None = None) -> list[Flowable]:
    """The handout's flowables; every piece of content is tagged with its node under `document`.

    `english` (the source handout and its styles) makes the bilingual copy: after each part of the
    translation — title, key points, each heading and block, the questions, the help box — the same
    part in English, a shade lighter, tagged /Lang en, so a screen reader reads each pair in turn."""
    b = _Builder(handout, brand, localization, styles, document)
    en = _Builder(english[0], brand, source_localization(), english[1], document) if english else None
    source = english[0] if english else None
    story: list[Flowable] = [b.para(handout.title, styles.title, document, "H1")]
    if en:
        story.append(en.para(source.title, en.styles.box_label, document, lang="en"))
    if handout.review.status is ReviewStatus.DRAFT:
        story.append(b.chrome(DRAFT_NOTICE, styles.draft, document))
    elif handout.review.reviewer_role:
        story.append(b.chrome(REVIEWED_NOTICE, styles.draft, document, reviewer=handout.review.reviewer_role))
    if not localization.is_source:
        reviewer = localization.reviewer_for(handout.id)
        if reviewer:
            story.append(b.chrome(TRANSLATION_REVIEWED, styles.draft, document, reviewer=reviewer))
        else:
            pending = TRANSLATION_PENDING if localization.machine_drafted else TRANSLATION_UNCHECKED
            story.append(b.chrome(pending, styles.draft, document))
    if personal:
        story.append(_for_you(personal, b, localization, document))
    key_points = document.add("Div")
    key_content = [b.chrome(KEY_POINTS, styles.box_label, key_points), b.para(handout.key_points, styles.body, key_points)]
    if en:
        key_content.append(en.para(source.key_points, en.styles.body, key_points, lang="en"))
    story.append(_box(key_content, background=key_points_background(brand.colors), bar=brand.colors.accent, styles=styles))
    english_sections = source.sections if source else [None] * len(handout.sections)
    for section, english_section in zip(handout.sections, english_sections):
        part = document.add("Sect")
        story.append(b.para(section.heading, styles.heading, part, "H2"))
        if en:
            story.append(en.para(english_section.heading, en.styles.box_label, part, lang="en"))
        for index, block in enumerate(section.blocks):
            story.extend(_block(block, b, part))
            if en:
                story.extend(_english_block(english_section.blocks[index], en, part.add("Div", lang="en")))

    questions = document.add("Sect")
    story.extend(_questions(b, questions, handout.questions, brand.colors.text))
    if en:
        english_questions = questions.add("Div", lang="en")
        story.extend(_list(en, english_questions.add("L"), [lambda body, q=q: [en.para(q, en.styles.body, body)] for q in source.questions],
                           en.styles.bullet_font, en.styles.bullet_size, numbered=True))
    if handout.get_help is not None:
        story.append(Spacer(1, styles.body.fontSize * 0.6))
        story.append(_callout(handout.get_help, b, document))
        if en:
            story.append(_callout(source.get_help, en, document.add("Div", lang="en"), drawn=False))
    references = document.add("Sect", lang="en" if localization.tag != "en" else None)
    # the records are English; the heading above them is in the handout's language
    heading = b.tagged(plain_markup(b.gettext(REFERENCES), styles.right_to_left), styles.reference_heading,
                       references, "H2", title=b.gettext(REFERENCES), lang=localization.tag if references.lang else None)
    # References stay in their original language (English), so they run left to right everywhere.
    reference_list = _list(
        b,
        references.add("L"),
        [
            lambda body, ref=ref: [b.tagged(
                plain_markup(ref.text) + (" " + link_markup(ref.url, brand.colors.primary) if ref.url else ""),
                styles.reference, body, joiner=" ", make_paragraph=Paragraph,  # English, left to right
            )]
            for ref in handout.references
        ],
        styles.reference.fontName,
        styles.reference.fontSize,
        numbered=True,
        rtl=False,
        make_paragraph=Paragraph,
    )
    columns = styles.reference_columns
    if columns > 1:
        story.extend([heading, BalancedRows(reference_list, columns, gap=12)])
    else:  # keepWithNext does not hold a heading to a list row; keep it with the first one by hand
        story.extend([KeepTogether([heading, reference_list[0]]), *reference_list[1:]])
    story.extend(_taglines(b, brand, document))
    return story


def _taglines(b: _Builder, brand: Brand, document: Node) -> list[Flowable]:
    """The brand's language-assistance taglines, when it prints them on every handout: last, in
    two columns, each in its own language (layout.taglines)."""
    if brand.taglines is None or not brand.taglines.on_handouts:
        return []
    from hfs_pdf.content.taglines import choose, load_taglines
    from hfs_pdf.layout.taglines import TAGLINES_HEADING, tagline_families, tagline_paragraphs

    chosen = choose(load_taglines(), brand.taglines.languages)
    section = document.add("Sect")
    heading = b.chrome(TAGLINES_HEADING, b.styles.reference_heading, section, "H2")
    size = b.styles.reference.fontSize
    rows = tagline_paragraphs(chosen, brand.phone, section, size=size, color=brand.colors.text,
                              families=tagline_families(chosen))
    columns = 1 if b.styles.reference_columns == 1 else 2
    return [KeepTogether([heading, rows[0]]), BalancedRows(rows[1:], columns, gap=12)] if len(rows) > 1 else [heading, *rows]


def _block(block: Block, b: _Builder, parent: Node) -> list[Flowable]:
    styles = b.styles
    if isinstance(block, ParagraphBlock):
        return [b.para(block.text, styles.body, parent)]
    if isinstance(block, (BulletList, StepList)):
        rows = _list(
            b, parent.add("L"), [lambda body, item=item: [b.para(item, styles.body, body)] for item in block.items],
            styles.bullet_font, styles.bullet_size, numbered=isinstance(block, StepList), rtl=styles.right_to_left,
        )
        return rows
    if isinstance(block, Callout):
        return [_callout(block, b, parent)]
    if isinstance(block, TableBlock):
        return _table(block, b, parent)
    if isinstance(block, FigureBlock):
        return _figure(block, b, parent)
    if isinstance(block, FormBlock):
        return _form(block, b, parent)
    raise TypeError(f"unknown block {block!r}")


def _english_block(block: Block, en: _Builder, parent: Node) -> list[Flowable]:
    """A block's English beside its translation; a drawing or a blank form is not drawn twice, only its caption."""
    if isinstance(block, FigureBlock):
        return [en.para(block.caption, en.styles.body, parent)] if block.caption else []
    if isinstance(block, FormBlock):
        return [en.para(block.caption, en.styles.body, parent)]
    if isinstance(block, Callout):
        return [_callout(block, en, parent, drawn=False)]
    return _block(block, en, parent)


def _table(block: TableBlock, b: _Builder, parent: Node) -> list[Flowable]:
    """A PDF/UA table: Table › Caption, TR › TH (Scope Column / Row) and TD.

    Read across, with the columns' names on top. Large print has no room for five columns at
    18 pt: each row becomes a small two-column table of its own (the row's name as caption, the
    column names as row headers), which reads the same.
    """
    styles = b.styles
    if styles.reference_columns == 1:  # large print
        flowables: list[Flowable] = []
        lead = [b.para(block.caption, styles.caption, parent)]
        for row in block.rows:
            table = parent.add("Table")
            caption = b.para(row[0], styles.caption, table, "Caption")
            cells = []
            for name, value in zip(block.columns[1:], row[1:]):
                tr = table.add("TR")
                cells.append([b.para(name, styles.table_cell, tr, "TH", scope="Row"), b.para(value, styles.table_cell, tr, "TD")])
            # the caption stays with the first row; the other rows may run on to the next page
            # (a whole block moved on would leave half a page empty at 18 pt)
            first, rest = (_grid(part, styles, header_rows=0, widths=[0.38, 0.62], ruled=False) for part in (cells[:1], cells[1:]))
            flowables.extend([KeepTogether([*lead, caption, first]), rest])
            lead = []
        return flowables
    table = parent.add("Table")
    caption = b.para(block.caption, styles.caption, table, "Caption")
    header = table.add("TR")
    cells = [[b.para(name, styles.table_header, header, "TH", scope="Column") for name in block.columns]]
    for row in block.rows:
        tr = table.add("TR")
        cells.append([b.para(row[0], styles.table_cell, tr, "TH", scope="Row")]
                     + [b.para(value, styles.table_cell, tr, "TD") for value in row[1:]])
    first = 0.2
    widths = [first] + [(1 - first) / (len(block.columns) - 1)] * (len(block.columns) - 1)
    return [KeepTogether([caption, _grid(cells, styles, header_rows=1, widths=widths)])]


def _grid(cells: list[list[Flowable]], styles: Styles, *, header_rows: int, widths: list[float], ruled: bool = True) -> Table:
    """Cells in a ruled grid (or, not `ruled`, with a rule under each row only: the small tables of
    large print, stacked, would otherwise read as one big grid); a right-to-left table puts its
    first column on the right."""
    if styles.right_to_left:
        cells = [list(reversed(row)) for row in cells]
        widths = list(reversed(widths))
    colors = styles.colors
    kind = RightToLeftTable if styles.right_to_left else Table
    table = kind([[[cell] for cell in row] for row in cells], colWidths=[f"{w * 100:.2f}%" for w in widths],
                 hAlign="RIGHT" if styles.right_to_left else "LEFT")
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), styles.body.fontName),  # else Tables name unembedded Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.5, HexColor(colors.accent)) if ruled else ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(colors.accent)),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HexColor(colors.primary)))
    row_header = len(cells[0]) - 1 if styles.right_to_left else 0
    commands.append(("BACKGROUND", (row_header, header_rows), (row_header, -1), key_points_background(colors)))
    table.setStyle(TableStyle(commands))
    table.spaceAfter = styles.body.fontSize * 0.6
    return table


def _form(block: FormBlock, b: _Builder, parent: Node) -> list[Flowable]:
    """A blank form: its caption (a paragraph), then the form as a Figure with its alt text.

    Standard print: a ruled grid, the column names on top, each row's name (Day 1 …) in the first
    column, room to write in every other cell. Large print has no room for a grid at 18 pt: each
    row becomes its name, then each column's name over a write-in line."""
    styles = b.styles
    caption = b.para(block.caption, styles.caption, parent)  # read first, as it is drawn first
    figure_node = parent.add("Figure", alt=plain_text(parse_markup(block.alt), b.context.placeholders))
    colors = styles.colors

    def label(text: str, style) -> Flowable:
        return b.make_paragraph(to_markup(text, b.context), style) if text else Spacer(1, 1)

    if styles.reference_columns == 1:  # large print
        named = any(block.rows)
        pieces: list[Flowable] = []
        skip = 1 if named else 0  # the first column holds each row's name
        entries = ([(block.example[0] if named else "", block.example[skip:])] if block.example else []) + \
            [(row, None) for row in block.rows]
        for name, values in entries:  # the example's values where the rows have write-in lines
            lines = [[label(name, styles.box_label), Spacer(1, 1)]] if name else []
            for index, column in enumerate(block.columns[skip:]):
                answer = label(values[index], styles.table_cell) if values else WriteInLines(1, styles.body.fontSize * 1.6, colors.text)
                lines.append([label(column, styles.table_cell), answer])
            if styles.right_to_left:
                lines = [list(reversed(line)) for line in lines]
            grid = _plain_grid(lines, styles)
            # The Figure's alt text says what the whole form asks; the first row is its marked content,
            # the rows after it repeat the same questions and are drawn as artifacts (tagged, the
            # repeats would read to checkers as running headers on every page).
            pieces.append(KeepTogether([Tagged(grid, figure_node) if not pieces else grid]))  # a row never splits
        return [KeepTogether([caption, pieces[0]]), *pieces[1:]]
    header = [label(name, styles.table_header) for name in block.columns]
    rows = [[label(row, styles.table_cell)] + [Spacer(1, 1) for _ in block.columns[1:]] for row in block.rows]
    example = [[label(cell, styles.table_cell) for cell in block.example]] if block.example else []
    widths = [0.16] + [0.84 / (len(block.columns) - 1)] * (len(block.columns) - 1) if any(block.rows) else \
        [1 / len(block.columns)] * len(block.columns)
    cells = [header, *example, *rows]
    if styles.right_to_left:
        cells, widths = [list(reversed(row)) for row in cells], list(reversed(widths))
    height = styles.body.fontSize * 2.5
    grid = (RightToLeftTable if styles.right_to_left else Table)(
        cells, colWidths=[f"{w * 100:.2f}%" for w in widths],
        rowHeights=[None] * (1 + len(example)) + [height] * len(rows), hAlign="RIGHT" if styles.right_to_left else "LEFT")
    grid.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.body.fontName),  # else Tables name unembedded Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # rules under the rows and tinted alternate columns, not a full grid of lines: a ruled grid
        # full of text reads to checkers as an untagged table, and this is a form (a Figure)
        ("LINEBELOW", (0, 0), (-1, -1), 0.6, HexColor(colors.text)),
        *[("BACKGROUND", (column, 1 + len(example)), (column, -1), key_points_background(colors))
          for column in range(1, len(block.columns), 2)],
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(colors.primary)),
        *([("BACKGROUND", (0, 1), (-1, 1), key_points_background(colors))] if example else []),  # the example row, tinted
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    grid.spaceAfter = styles.body.fontSize * 0.6
    return [KeepTogether([caption, Tagged(grid, figure_node)])]


def _plain_grid(lines: list[list[Flowable]], styles: Styles) -> Table:
    """A large-print form's lines: each question beside its answer (or room to write it), a rule under the last."""
    widths = ["55%", "45%"] if styles.right_to_left else ["45%", "55%"]  # the question, then room to answer
    # right to left, each question is drawn before its answer: in reading order, which is also the
    # order text extractors (and the checkers built on them) group the words of a line by
    kind = RightToLeftTable if styles.right_to_left else Table
    grid = kind(lines, colWidths=widths, hAlign="RIGHT" if styles.right_to_left else "LEFT")
    gap = ("RIGHTPADDING", (0, 0), (0, -1), 8) if styles.right_to_left else ("LEFTPADDING", (1, 0), (1, -1), 8)
    grid.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.body.fontName), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0), gap,
                              ("LINEBELOW", (0, -1), (-1, -1), 1, HexColor(styles.colors.accent))]))
    grid.spaceAfter = styles.body.fontSize * 0.5
    return grid


def _figure(block: FigureBlock, b: _Builder, parent: Node) -> list[Flowable]:
    """One of the project's drawings, kept on one page with its caption."""
    return [KeepTogether(_figure_parts(block, b, parent))]


def _figure_parts(block: FigureBlock, b: _Builder, parent: Node) -> list[Flowable]:
    """The drawing as a Figure with its (translated) alt text, centred, then its caption."""
    styles = b.styles
    figure = parent.add("Figure", alt=plain_text(parse_markup(block.alt), b.context.placeholders))
    drawing = Centred(Tagged(draw_figure(block.drawing, styles.colors, styles.figure_scale, styles.body.fontName,
                                         styles.script.language, styles.right_to_left), figure))
    flowables: list[Flowable] = [drawing]
    if block.caption:
        flowables.append(b.para(block.caption, styles.body, parent))
    return flowables


def _list(b: _Builder, list_node: Node, items: list, font: str, size: float, *, numbered: bool = False, start: int = 1,
          rtl: bool = False, make_paragraph=None) -> list[Flowable]:
    """One row per item: the bullet or number (Lbl) beside the item's flowables (LBody).

    Each item is a function that takes its LBody node and returns its tagged flowables. Rows are
    our own flowables so that a right-to-left list can put its bullets on the right, and so that
    the bullet can be tagged as a label (ReportLab's ListFlowable draws bullets it cannot tag).
    """
    make_paragraph = make_paragraph or b.make_paragraph
    marker = ParagraphStyle("bullet", fontName=font, fontSize=size, leading=size * 1.32, alignment=TA_RIGHT if rtl else 0)
    rows = []
    for number, make in enumerate(items, start=start):
        item = list_node.add("LI")
        label_text = f"{number}." if numbered else "•"
        label = Tagged(make_paragraph(label_text, marker), item.add("Lbl"), lambda f, t=label_text: t)
        body = make(item.add("LBody"))
        rows.append(ListRow(label, body, size * 1.6, right_to_left=rtl, space_after=size * 0.3))
    return rows


def _for_you(personal: PersonalDetails, b: _Builder, localization: Localization, document: Node) -> Flowable:
    """The personal box: what the clinician typed, escaped like every input, each value one
    bidi-isolated unit (a Latin name in an Arabic handout keeps its order)."""
    styles = b.styles
    box = document.add("Div")

    def value(text: str) -> str:
        return isolate(text) if styles.right_to_left else text

    content: list[Flowable] = [b.chrome(FOR_YOU, styles.box_label, box, "H2")]
    if personal.patient:
        content.append(b.chrome(FOR_PATIENT, styles.body, box, patient=value(personal.patient)))
    if personal.clinician:
        content.append(b.chrome(FOR_CLINICIAN, styles.body, box, clinician=value(personal.clinician)))
    if personal.next_visit:
        content.append(b.chrome(FOR_NEXT_VISIT, styles.body, box, date=localization.long_date(personal.next_visit)))
    if personal.note:
        content.append(b.chrome(FOR_NOTE, styles.box_label, box))
        content.append(b.tagged(plain_markup(value(personal.note), styles.right_to_left), styles.body, box))
    return _box(content, background=key_points_background(b.styles.colors), bar=b.styles.colors.primary, styles=styles)


def _callout(callout: Callout, b: _Builder, parent: Node, *, drawn: bool = True) -> Flowable:
    """A coloured box: title, text, bullets, and its picture where the handout puts it — with the
    opening words it illustrates ("Stroke signs start suddenly: …"), or after the list of signs
    it shows. In a bilingual copy's English echo only the caption: no drawing twice."""
    styles = b.styles
    background, title_color = CALLOUT_TINTS[callout.kind]
    box = parent.add("Div")
    content: list[Flowable] = [b.para(callout.title, styles.callout_title[callout.kind], box)]
    if callout.text:
        content.append(b.para(callout.text, styles.body, box))

    def picture() -> list[Flowable]:
        if callout.figure and drawn:
            return [Spacer(1, styles.body.fontSize * 0.4), *_figure_parts(callout.figure, b, box)]
        if callout.figure and callout.figure.caption:
            return [b.para(callout.figure.caption, styles.body, box)]
        return []

    if not callout.figure_after_bullets:
        content.extend(picture())
    if callout.bullets:
        content.extend(_list(b, box.add("L"), [lambda body, item=item: [b.para(item, styles.body, body)] for item in callout.bullets],
                             styles.bullet_font, styles.bullet_size, rtl=styles.right_to_left))
    if callout.figure_after_bullets:
        content.extend(picture())
    return _box(content, background=background, bar=title_color, styles=styles)


def _box(content: list[Flowable], *, background: str, bar: str, styles: Styles) -> Flowable:
    """A coloured box with a bar where lines start: one table row per flowable, kept together.

    It moves whole to the next page when it does not fit, like any block; but a box taller than a
    whole page (a help box with its picture in large print, in a long language) breaks between
    its rows instead of failing the build — one cell of many flowables cannot break at all. Each
    row is padded with its flowable's own space before and after, so the rows are spaced as one
    cell would space them, and the title never ends a page without what follows it.
    """
    pad = styles.body.fontSize * 0.7
    last = len(content) - 1
    table = Table([[flowable] for flowable in content], colWidths=["100%"], hAlign="LEFT")
    commands = [
        # Tables set a cell font even around flowables; the default would be unembedded Helvetica.
        ("FONTNAME", (0, 0), (-1, -1), styles.body.fontName),
        ("BACKGROUND", (0, 0), (-1, -1), HexColor(background)),
        # the coloured bar marks where lines start: the left edge, or the right in right-to-left text
        ("LINEAFTER" if styles.right_to_left else "LINEBEFORE", (0, 0), (0, -1), 4, HexColor(bar)),
        ("LEFTPADDING", (0, 0), (-1, -1), pad + 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad + 2),
    ]
    for row, flowable in enumerate(content):
        above = pad * 0.8 if row == 0 else flowable.getSpaceBefore()
        below = pad * 0.4 if row == last else flowable.getSpaceAfter()
        commands += [("TOPPADDING", (0, row), (0, row), above), ("BOTTOMPADDING", (0, row), (0, row), below)]
    if last >= 1:
        commands.append(("NOSPLIT", (0, 0), (0, 1)))
    table.setStyle(TableStyle(commands))
    table.spaceBefore = styles.body.fontSize * 0.2
    table.spaceAfter = styles.body.fontSize * 0.6
    return KeepTogether([table])


def _questions(b: _Builder, section: Node, questions: tuple[str, ...], line_color: str) -> list[Flowable]:
    """Each question with its write-in lines, kept on one page: a question whose lines are on the
    next page is no use. keepWithNext does not see into a KeepTogether, hence the heading inside
    the first one. The write-in lines are drawn outside any tag: they are artifacts."""
    styles = b.styles
    heading = b.chrome(QUESTIONS, styles.heading, section, "H2")
    spacing = styles.body.fontSize * 1.75
    list_node = section.add("L")
    return [
        KeepTogether(
            ([heading] if number == 1 else [])
            + _list(
                b, list_node,
                [lambda body, q=question: [b.para(q, styles.question, body), WriteInLines(WRITE_IN_LINES, spacing, line_color), Spacer(1, 3)]],
                styles.bullet_font, styles.bullet_size, numbered=True, start=number, rtl=styles.right_to_left,
            )
        )
        for number, question in enumerate(questions, start=1)
    ]
