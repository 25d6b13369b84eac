"""`hfs-pdf init DIR`: a clinic's own project folder, made from the defaults hfs-pdf ships.

The new folder holds copies of the handouts, translations, demo brand and sample pack (to edit),
and an `hfs-pdf.toml` naming the brand. Fonts stay with the tool. Nothing is overwritten: a
folder that already holds a project is refused.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hfs_pdf.config import CONFIG_FILE
from hfs_pdf.errors import OutputError, Problem, UsageError, display_path
from hfs_pdf.resources import DEFAULT_FOLDERS, data_root

CONFIG_TEMPLATE = """\
# This project's defaults for hfs-pdf. Options on the command line override them, and so do
# environment variables (HFS_PDF_BRAND, HFS_PDF_PAPER, HFS_PDF_LANG, HFS_PDF_JOBS, HFS_PDF_OUT).
# `hfs-pdf config` shows the values in force and where each came from.

brand = "brands/demo.yaml"   # copy it to brands/my-clinic.yaml, edit it, and name it here
# paper = "a4"               # letter or a4 (default: the brand's paper)
languages = ["en", "es"]     # what `hfs-pdf build` makes without --lang ("all" for every language)
# jobs = 2                   # parallel processes (default: every CPU core)
out = "dist"                 # where `hfs-pdf build` writes
"""

_SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo", "*.part")


def init_project(target: Path) -> list[Path]:
    """Copy the default folders and write the config into `target`; return what was created."""
    existing = [name for name in (*DEFAULT_FOLDERS, CONFIG_FILE) if (target / name).exists()]
    if existing:
        raise UsageError(f"{display_path(target)} already has {', '.join(existing)} — choose an empty or new folder")
    source = data_root()
    created = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name in DEFAULT_FOLDERS:
            shutil.copytree(source / name, target / name, ignore=_SKIP)
            created.append(target / name)
        (target / CONFIG_FILE).write_text(CONFIG_TEMPLATE, encoding="utf-8")
        created.append(target / CONFIG_FILE)
    except OSError as error:
        for path in created:  # no half-made project
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
        raise OutputError(Problem(display_path(target), f"cannot create the project ({error.strerror or error})"))
    return created
