"""hfs-pdf: reviewed hemifacial-spasm handout content → branded, accessible PDF handouts.

The package is the pipeline, one sub-package per stage:

    content/   1 LOAD      YAML → Handout, Brand, Pack (validated, file:line on every problem)
    i18n/      2 LOCALIZE  Handout × locale → localized Handout and page-chrome strings
    layout/    3 LAY OUT   localized Handout × Brand × options → flowables and page decoration
    render/    4 RENDER    flowables → PDF bytes (embedded fonts, tagged PDF/UA)
    publish/   5 PUBLISH   PDF bytes → files, releases and print packs (the only stage that writes)

`cache` keeps the last PDF of each document with the digest of everything it was made from, so
unchanged documents are not rendered again. `operations` strings the stages together for the
CLI; `cli` is the only module that talks Click.
"""

__version__ = "0.1.0"
"""The one place the version is written; pyproject.toml reads it from here (and importing
importlib.metadata to ask the installed package would cost every command 30 ms)."""
