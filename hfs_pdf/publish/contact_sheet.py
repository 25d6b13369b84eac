"""A release's `index.html`: the contact sheet front-desk staff use to find and print a handout.

One page that works offline from the release folder: each handout as a card (page-1 thumbnail,
its title and language name in their own language, variant, pages, review status, Open and
Print), filters by language, handout and variant, and a search box. Every script reads right on
a computer without the fonts: the page embeds subsets of the release's own fonts (Noto Sans,
Noto Sans CJK, Amiri) holding just the characters it shows, and `:lang()` picks the right one
(Simplified and Traditional Chinese and Japanese share code points but not glyph shapes). The
controls are plain labelled form elements and buttons, the count is a live region, and every
card's links say which handout they open. Deterministic: the same entries give the same bytes.
"""

from __future__ import annotations

import base64
import html
import unicodedata
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

VARIANT_NAMES = {"standard": "Standard", "large-print": "Large print", "bilingual": "Bilingual (with English)"}


@dataclass(frozen=True)
class SheetBrand:
    name: str
    primary: str  # header band
    on_primary: str  # text on it (contrast checked when the brand loaded)


def _search_key(*texts: str) -> str:
    """What the search box matches: case- and accent-insensitive, as the page's script folds it."""
    folded = unicodedata.normalize("NFKD", " ".join(texts))
    return "".join(c for c in folded if not 0x300 <= ord(c) <= 0x36F).lower()


def _tag(locale: str) -> str:
    return locale.replace("_", "-")


def _font_faces(texts_by_family: dict[str, str]) -> str:
    """@font-face rules embedding a subset of each family with exactly the characters shown."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from hfs_pdf.fonts import font_paths

    rules = []
    for family in sorted(texts_by_family):
        characters = sorted(set(texts_by_family[family]) - {"\n"})
        weights = zip((400, 700), font_paths(family)) if family == "NotoSans" else [(400, font_paths(family)[0])]
        for weight, path in weights:  # other scripts' bold (titles) is the browser's: their regular is enough
            font = TTFont(path, recalcTimestamp=False, lazy=True)  # no "modified" stamp: same page, same bytes
            options = subset.Options()
            options.layout_features = ["*"]  # the browser shapes Arabic from these
            if family.startswith("NotoSansCJK"):  # horizontal CJK needs no substitutions: skip parsing big tables
                options.drop_tables += ["GSUB", "GPOS", "GDEF"]
            options.name_IDs = ["*"]
            options.hinting = False
            options.notdef_outline = True
            subsetter = subset.Subsetter(options)
            subsetter.populate(text="".join(characters))
            subsetter.subset(font)
            buffer = BytesIO()
            font.save(buffer, reorderTables=True)
            data = base64.b64encode(buffer.getvalue()).decode("ascii")
            rules.append(f'@font-face{{font-family:"hfs-{family}";font-weight:{weight};'
                         f'src:url(data:font/ttf;base64,{data}) format("truetype")}}')
    return "\n".join(rules)


def contact_sheet_html(entries: list, brand: SheetBrand | None = None) -> str:
    """The page for these release entries (sorted by handout, language, variant)."""
    from hfs_pdf.fonts import family_name_for
    from hfs_pdf.layout.sheets import language_names

    clinic = brand.name if brand else "hfs-pdf"
    primary, on_primary = (brand.primary, brand.on_primary) if brand else ("#1F4E79", "#FFFFFF")
    english_titles = {e.handout: e.title for e in entries if e.language == "en"}
    names = {e.language: language_names(e.language) for e in entries}
    ui = (f"{clinic} Hemifacial spasm handouts Search Title, language or handout Language All languages Handout "
          "All handouts Print Every kind Standard Large print Bilingual (with English) Open of handouts shown No handout matches "
          "the filters. pages page 0123456789 — · ( ) , . : ' & ")
    texts: dict[str, str] = {"NotoSans": ui + " ".join(english_titles.values())
                             + " ".join(f"{n.english} {e.translation_status}" for e, n in ((e, names[e.language]) for e in entries))}
    for entry in entries:
        family = family_name_for(entry.language)
        texts[family] = texts.get(family, "") + entry.title + names[entry.language].native
        if family != "NotoSans":  # digits and punctuation of a title fall back to Noto Sans too
            texts["NotoSans"] += entry.title + names[entry.language].native
    lang_rules = "".join(
        f':lang({_tag(locale)}){{font-family:"hfs-{family_name_for(locale)}","hfs-NotoSans"}}'
        for locale in sorted(names) if family_name_for(locale) != "NotoSans"
    )
    languages = "".join(
        f'<option value="{html.escape(locale)}" lang="{_tag(locale)}">{html.escape(names[locale].native)}'
        + (f" — {html.escape(names[locale].english)}" if names[locale].english != names[locale].native else "") + "</option>"
        for locale in sorted(names, key=lambda l: (l != "en", names[l].english))
    )
    handouts = "".join(f'<option value="{html.escape(h)}">{html.escape(t)}</option>' for h, t in sorted(english_titles.items(), key=lambda i: i[1]))
    cards = []
    for entry in entries:
        name = names[entry.language]
        variant = VARIANT_NAMES.get(entry.variant, entry.variant)
        tag = _tag(entry.language)
        thumb = "thumbnails/" + Path(entry.path).with_suffix(".png").as_posix()
        # what a screen reader says for Open and Print: the title in its own language, then in English which and what
        which = (f'<span lang="{tag}">{html.escape(entry.title)}</span> '
                 f"({html.escape(name.english)}, {html.escape(variant.lower())})")
        pages = f"{entry.pages} page{'s' if entry.pages != 1 else ''}"
        search = _search_key(entry.title, english_titles.get(entry.handout, ""), entry.handout, name.native, name.english, variant)
        cards.append(
            f'<li class="card" data-language="{html.escape(entry.language)}" data-handout="{html.escape(entry.handout)}" '
            f'data-variant="{html.escape(entry.variant)}" data-search="{html.escape(search)}">'
            f'<img src="{html.escape(thumb)}" alt="" width="120" height="155">'
            f'<h2 lang="{tag}" dir="{"rtl" if name.right_to_left else "ltr"}">{html.escape(entry.title)}</h2>'
            f'<p><span lang="{tag}">{html.escape(name.native)}</span>'
            + (f" · {html.escape(name.english)}" if name.english != name.native else "")
            + f" · {html.escape(variant)} · {pages}</p>"
            f'<p class="status">{html.escape(entry.translation_status)}</p>'
            f'<p class="actions"><a class="open" href="{html.escape(entry.path)}">Open<span class="vh"> {which}</span></a> '
            f'<button type="button" class="print" data-pdf="{html.escape(entry.path)}">Print<span class="vh"> {which}</span></button></p>'
            "</li>"
        )
    style = (
        ':root{color-scheme:light}body{font-family:"hfs-NotoSans";margin:0;color:#1a1a1a;background:#fff}'
        f"header{{background:{primary};color:{on_primary};padding:1rem 2rem}}header h1{{margin:0;font-size:1.6rem}}"
        "header p{margin:.25rem 0 0}main{padding:1rem 2rem}form{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:end}"
        "label{display:block;font-weight:700;font-size:.9rem}input,select,button{font:inherit;font-size:1rem;padding:.35rem}#q{min-width:18rem}"
        "#cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem}"
        ".card{border:1px solid #8a8a8a;border-radius:6px;padding:.75rem}.card img{float:right;margin-left:.5rem;border:1px solid #999}"
        ".card h2{font-size:1.05rem;margin:0 0 .4rem}.card p{margin:.3rem 0}.status{color:#444;font-size:.9rem}"
        f"a,button{{color:{primary}}}a:focus,button:focus,input:focus,select:focus{{outline:3px solid {primary};outline-offset:2px}}"
        ".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
        "[hidden]{display:none!important}" + lang_rules
    )
    script = (
        "const fields=['q','language','handout','variant'].map(id=>document.getElementById(id));"
        "const cards=[...document.querySelectorAll('#cards .card')];const count=document.getElementById('count');"
        "const none=document.getElementById('none');"
        "const fold=s=>s.normalize('NFKD').replace(/[\\u0300-\\u036f]/g,'').toLowerCase().trim();"
        "function apply(){const [q,language,handout,variant]=fields.map(f=>f.value);const text=fold(q);let shown=0;"
        "for(const c of cards){const ok=(!language||c.dataset.language===language)&&(!handout||c.dataset.handout===handout)"
        "&&(!variant||c.dataset.variant===variant)&&(!text||c.dataset.search.includes(text));c.hidden=!ok;if(ok)shown++;}"
        "count.textContent=shown+' of '+cards.length+' handouts shown';none.hidden=shown>0;}"
        "fields.forEach(f=>f.addEventListener('input',apply));"
        "document.querySelectorAll('button.print').forEach(b=>b.addEventListener('click',()=>{"
        "const w=window.open(b.dataset.pdf);if(w){w.addEventListener('load',()=>{try{w.print()}catch(e){}})}}));apply();"
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(clinic)} — hemifacial spasm handouts</title>\n"
        f"<style>{_font_faces(texts)}\n{style}</style></head>\n<body>"
        f"<header><h1>Hemifacial spasm handouts</h1><p>{html.escape(clinic)}</p></header>\n<main>"
        '<form role="search" onsubmit="return false">'
        '<div><label for="q">Search</label><input id="q" type="search" placeholder="Title, language or handout" autocomplete="off"></div>'
        f'<div><label for="language">Language</label><select id="language"><option value="">All languages</option>{languages}</select></div>'
        f'<div><label for="handout">Handout</label><select id="handout"><option value="">All handouts</option>{handouts}</select></div>'
        '<div><label for="variant">Print</label><select id="variant"><option value="">Every kind</option>'
        + "".join(f'<option value="{value}">{name}</option>' for value, name in VARIANT_NAMES.items()
                  if any(e.variant == value for e in entries))
        + "</select></div></form>\n"
        f'<p id="count" role="status" aria-live="polite">{len(entries)} of {len(entries)} handouts shown</p>'
        '<p id="none" hidden>No handout matches the filters.</p>\n'
        f'<ul id="cards">{"".join(cards)}</ul></main>\n<script>{script}</script>\n</body></html>\n'
    )
