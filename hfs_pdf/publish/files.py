"""Bytes → files, atomically: a reader (or a printer queue) never sees a half-written PDF."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hfs_pdf.model import Variant



def output_path(out_dir: Path, locale: str, handout_id: str, variant: Variant) -> Path:
    """`dist/es/mvd-surgery.pdf`, `dist/es/mvd-surgery.large-print.pdf`: the name says the variant."""
    suffix = "" if variant is Variant.STANDARD else f".{variant.value}"
    return out_dir / locale / f"{handout_id}{suffix}.pdf"


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it into place.

    The rename is atomic on POSIX and Windows, so an error or Ctrl-C leaves either the old file or
    the new one, never a torn one; the temporary file is removed on any failure.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
