"""Where hfs-pdf's own files are: its fonts, and the default handouts, translations, brand and pack.

In a checkout they are the repository's top-level folders (`fonts/`, `handouts/`, …), the layout
the project card fixes. A wheel carries the same folders inside the package, as
`hfs_pdf/defaults/…` (pyproject.toml maps them there), so `pip install hfs-pdf` anywhere gives a
working tool; `hfs-pdf init` copies the defaults into a clinic's own project folder.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DEFAULT_FOLDERS = ("handouts", "translations", "brands", "packs")
"""What `hfs-pdf init` copies into a new project (fonts stay with the tool)."""


def data_root() -> Path:
    """The folder holding fonts/, handouts/, translations/, brands/ and packs/ as shipped."""
    package = Path(str(files("hfs_pdf")))
    packaged = package / "defaults"
    return packaged if (packaged / "fonts").is_dir() else package.parent
