"""Handout × brand × styles → the story: the ordered flowables of the handout's body."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.flowables import BalancedColumns
from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem, Paragraph, Spacer, Table, TableStyle

from hfs_pdf.i18n import N_, Localization
from hfs_pdf.layout.flowables import WriteInLines
from hfs_pdf.layout.rtl import RightToLeftParagraph
from hfs_pdf.layout.inline import InlineContext, link_markup, plain_markup, to_markup
from hfs_pdf.layout.styles import Styles
from hfs_pdf.model import Block, Brand, BulletList, Callout, Handout, Paragraph as ParagraphBlock, ReviewStatus, StepList
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
# Translators: {reviewer} is the name or role of the person who checked this translation.
TRANSLATION_REVIEWED = N_("Translation checked by {reviewer}.")
CHROME = (KEY_POINTS, QUESTIONS, REFERENCES, DRAFT_NOTICE, REVIEWED_NOTICE, TRANSLATION_PENDING, TRANSLATION_REVIEWED)

WRITE_IN_LINES = 2


def build_story(handout: Handout, brand: Brand, localization: Localization, styles: Styles) -> list[Flowable]:
    _ = localization.gettext
    context = InlineContext(
        placeholders={"clinic_name": brand.name, "clinic_phone": brand.phone, "emergency_number": brand.emergency_number},
        citations=handout.citation_numbers(),
        link_color=brand.colors.primary,
        right_to_left=styles.right_to_left,
    )

    def chrome(message: str, **values: str) -> str:
        """A translated page-chrome string as paragraph markup."""
        return plain_markup(_(message).format(**values), styles.right_to_left)

    # ReportLab orders the lines of a wrapped right-to-left paragraph backwards; this class does not.
    P = RightToLeftParagraph if styles.right_to_left else Paragraph

    def para(source: str, style) -> Paragraph:
        return P(to_markup(source, context), style)

    story: list[Flowable] = [para(handout.title, styles.title)]
    if handout.review.status is ReviewStatus.DRAFT:
        story.append(P(chrome(DRAFT_NOTICE), styles.draft))
    elif handout.review.reviewer_role:
        story.append(P(chrome(REVIEWED_NOTICE, reviewer=handout.review.reviewer_role), styles.draft))
    if not localization.is_source:
        notice = (
            chrome(TRANSLATION_REVIEWED, reviewer=localization.reviewed_by)
            if localization.reviewed_by
            else chrome(TRANSLATION_PENDING)
        )
        story.append(P(notice, styles.draft))
    story.append(
        _box(
            [P(chrome(KEY_POINTS), styles.box_label), para(handout.key_points, styles.body)],
            background=key_points_background(brand.colors),
            bar=brand.colors.accent,
            styles=styles,
        )
    )
    for section in handout.sections:
        story.append(para(section.heading, styles.heading))
        story.extend(_block(block, para, styles) for block in section.blocks)

    story.extend(_questions(P(chrome(QUESTIONS), styles.heading), handout.questions, para, styles, brand.colors.text))
    if handout.get_help is not None:
        story.append(Spacer(1, styles.body.fontSize * 0.6))
        story.append(_callout(handout.get_help, para, styles))
    story.append(P(chrome(REFERENCES), styles.reference_heading))
    # References stay in their original language (English), so they run left to right everywhere.
    references = _list(
        [
            Paragraph(plain_markup(ref.text) + (" " + link_markup(ref.url, brand.colors.primary) if ref.url else ""), styles.reference)
            for ref in handout.references
        ],
        styles.reference.fontName,
        styles.reference.fontSize,
        numbered=True,
    )
    columns = styles.reference_columns
    story.append(BalancedColumns([references], nCols=columns, innerPadding=12) if columns > 1 else references)
    return story


def _block(block: Block, para, styles: Styles) -> Flowable:
    if isinstance(block, ParagraphBlock):
        return para(block.text, styles.body)
    if isinstance(block, BulletList):
        return _list([para(item, styles.body) for item in block.items], styles.bullet_font, styles.bullet_size, rtl=styles.right_to_left)
    if isinstance(block, StepList):
        return _list([para(item, styles.body) for item in block.items], styles.bullet_font, styles.bullet_size,
                     numbered=True, rtl=styles.right_to_left)
    if isinstance(block, Callout):
        return _callout(block, para, styles)
    raise TypeError(f"unknown block {block!r}")


def _list(items: list, font: str, size: float, *, numbered: bool = False, start: int = 1, rtl: bool = False) -> Flowable:
    """A bulleted or numbered list; each item is a flowable or a list of flowables.

    ReportLab's ListFlowable always puts the bullet on the left, so a right-to-left list is a
    two-column table with the bullet column on the right.
    """
    if rtl:
        return _rtl_list(items, font, size, numbered=numbered, start=start)
    return ListFlowable(
        [ListItem(item) for item in items],
        bulletType="1" if numbered else "bullet",
        start=start if numbered else "•",
        bulletFontName=font,
        bulletFontSize=size,
        leftIndent=size * 1.6,
        bulletDedent=size * 1.2,
        bulletFormat="%s." if numbered else None,
        spaceAfter=size * 0.3,
    )


def _rtl_list(items: list, font: str, size: float, *, numbered: bool, start: int) -> Table:
    marker = ParagraphStyle("rtl-bullet", fontName=font, fontSize=size, leading=size * 1.32, alignment=TA_RIGHT)
    rows = [
        [item, Paragraph(f"{number}." if numbered else "•", marker)]
        for number, item in enumerate(items, start=start)
    ]
    table = Table(rows, colWidths=["*", size * 1.6], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), size * 0.4),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    table.spaceAfter = size * 0.3
    return table


def _callout(callout: Callout, para, styles: Styles) -> Flowable:
    background, title_color = CALLOUT_TINTS[callout.kind]
    content: list[Flowable] = [para(callout.title, styles.callout_title[callout.kind])]
    if callout.text:
        content.append(para(callout.text, styles.body))
    if callout.bullets:
        content.append(_list([para(item, styles.body) for item in callout.bullets], styles.bullet_font, styles.bullet_size,
                             rtl=styles.right_to_left))
    return _box(content, background=background, bar=title_color, styles=styles)


def _box(content: list[Flowable], *, background: str, bar: str, styles: Styles) -> Table:
    pad = styles.body.fontSize * 0.7
    table = Table([[content]], colWidths=["100%"], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                # Tables set a cell font even around flowables; the default would be unembedded Helvetica.
                ("FONTNAME", (0, 0), (-1, -1), styles.body.fontName),
                ("BACKGROUND", (0, 0), (-1, -1), HexColor(background)),
                # the coloured bar marks where lines start: the left edge, or the right in right-to-left text
                ("LINEAFTER" if styles.right_to_left else "LINEBEFORE", (0, 0), (0, -1), 4, HexColor(bar)),
                ("LEFTPADDING", (0, 0), (-1, -1), pad + 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad + 2),
                ("TOPPADDING", (0, 0), (-1, -1), pad * 0.8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.4),
            ]
        )
    )
    table.spaceBefore = styles.body.fontSize * 0.2
    table.spaceAfter = styles.body.fontSize * 0.6
    return table


def _questions(heading: Paragraph, questions: tuple[str, ...], para, styles: Styles, line_color: str) -> list[Flowable]:
    """Each question with its write-in lines, kept on one page: a question whose lines are on the
    next page is no use. KeepTogether cannot sit inside a ListItem, hence one list per question;
    and keepWithNext does not see into a KeepTogether, hence the heading inside the first one."""
    spacing = styles.body.fontSize * 1.75
    return [
        KeepTogether(
            ([heading] if number == 1 else [])
            + [_list(
                [[para(question, styles.question), WriteInLines(WRITE_IN_LINES, spacing, line_color), Spacer(1, 3)]],
                styles.bullet_font, styles.bullet_size, numbered=True, start=number, rtl=styles.right_to_left,
            )]
        )
        for number, question in enumerate(questions, start=1)
    ]
