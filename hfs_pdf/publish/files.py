"""Bytes → files, atomically: a reader (or a printer queue) never sees a half-written PDF."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hfs_pdf.errors import OutputError, Problem, display_path
from hfs_pdf.model import Variant



def output_path(out_dir: Path, locale: str, handout_id: str, variant: Variant) -> Path:
    """`dist/es/mvd-surgery.pdf`, `dist/es/mvd-surgery.large-print.pdf`: the name says the variant."""
    suffix = "" if variant is Variant.STANDARD else f".{variant.value}"
    return out_dir / locale / f"{handout_id}{suffix}.pdf"


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it into place.

    The rename is atomic on POSIX and Windows, so an error or Ctrl-C leaves either the old file or
    the new one, never a torn one; the temporary file is removed on any failure. A folder or disk
    that refuses the write is an OutputError naming the path, not a crash.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise cannot_write(path, error)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise cannot_write(path, error)
        raise


def check_writable(folder: Path) -> None:
    """Fail before any work goes into filling a folder that cannot be made or written (creates nothing)."""
    existing = next((parent for parent in (folder, *folder.parents) if parent.exists()), None)
    if existing is None or not existing.is_dir():
        raise cannot_write(folder, NotADirectoryError(20, "Not a directory"), folder)
    if not os.access(existing, os.W_OK | os.X_OK):
        raise cannot_write(folder, PermissionError(13, "Permission denied"), folder)


def cannot_write(path: Path, error: OSError, folder: Path | None = None) -> OutputError:
    """The error for a path the system refused, naming the file in the way if that is the cause."""
    folder = folder if folder is not None else path.parent
    blocker = next((parent for parent in (folder, *folder.parents) if parent.exists()), None)
    if blocker is not None and not blocker.is_dir():
        reason = f"{display_path(blocker)} is a file, not a folder"
    else:
        reason = error.strerror or error.__class__.__name__
    return OutputError(Problem(display_path(path), f"cannot be written ({reason}) — choose another output path, or free space / fix permissions"))
