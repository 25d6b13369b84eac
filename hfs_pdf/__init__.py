"""hfs-pdf: reviewed hemifacial-spasm handout content → branded, accessible PDF handouts.

The package is the pipeline, one sub-package per stage:

    content/   1 LOAD      YAML → Handout, Brand (validated, file:line on every problem)
    i18n/      2 LOCALIZE  Handout × locale → localized Handout and page-chrome strings
    layout/    3 LAY OUT   localized Handout × Brand × options → flowables and page decoration
    render/    4 RENDER    flowables → PDF bytes (embedded fonts, metadata)
    publish/   5 PUBLISH   PDF bytes → files (the only stage that writes)

`operations` strings the stages together for the CLI; `cli` is the only module that talks Click.
"""

from importlib.metadata import PackageNotFoundError, version as _package_version

try:
    __version__ = _package_version("hfs-pdf")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
