"""A release split across machines: `release --shard K/N` builds every N-th document, and
`release merge OUT SHARD…` puts the shards together into the release an unsharded run makes —
the same PDFs, thumbnails, manifest, SHA256SUMS, contact sheet and zip, byte for byte.

Each shard folder holds its PDFs and thumbnails where the release has them, and `shard.json`:
which shard it is, the release's fingerprint (hfs-pdf's code and every input file's digest, and
the options), every document the whole release has, and the manifest entry of each document the
shard built. Merging checks that the shards agree on the fingerprint, that every shard 1…N is
there once, and that together they hold every document exactly once; anything else is refused
with the shard folder it concerns.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from hfs_pdf.errors import OutputError, Problem, ShardError, UsageError, display_path
from hfs_pdf.publish.contact_sheet import SheetBrand
from hfs_pdf.publish.release import ReleaseEntry, write_release_files

SHARD_FILE = "shard.json"
FORMAT = 1


@dataclass(frozen=True)
class Shard:
    number: int  # 1-based
    count: int

    @classmethod
    def parse(cls, text: str) -> "Shard":
        match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
        if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
            raise UsageError(f"--shard {text!r}: write K/N with 1 ≤ K ≤ N, e.g. --shard 2/3")
        return cls(int(match.group(1)), int(match.group(2)))

    def picks(self, documents: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
        """Every N-th document of the release's sorted list, starting at the K-th: the same split
        on every machine, and about equal work (each shard gets every language and handout)."""
        ordered = sorted(documents, key=lambda d: (d[1], d[0], d[2]))
        return [document for index, document in enumerate(ordered) if index % self.count == self.number - 1]


def write_shard_files(folder: Path, shard: Shard, fingerprint: str, documents: list[tuple[str, str, str]],
                      entries: list[ReleaseEntry], tool_version: str, brand: SheetBrand | None = None) -> None:
    """Thumbnails and shard.json beside the shard's PDFs."""
    for entry in entries:
        thumb = folder / "thumbnails" / Path(entry.path).with_suffix(".png")
        thumb.parent.mkdir(parents=True, exist_ok=True)
        thumb.write_bytes(entry.thumbnail)
    record = {
        "format": FORMAT, "generator": f"hfs-pdf {tool_version}", "shard": [shard.number, shard.count],
        "fingerprint": fingerprint, "documents": sorted(map(list, documents)),
        "brand": asdict(brand) if brand else None,  # the contact sheet's header
        "entries": [{k: v for k, v in asdict(entry).items() if k != "thumbnail"} for entry in sorted(entries, key=lambda e: e.path)],
    }
    (folder / SHARD_FILE).write_text(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _read(folder: Path) -> dict:
    path = folder / SHARD_FILE
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("format") != FORMAT:
            raise ValueError("an unknown format")
        number, count = record["shard"]
        record["_shard"] = Shard(int(number), int(count))
        return record
    except FileNotFoundError:
        raise ShardError(f"{display_path(folder)}: not a release shard (no {SHARD_FILE}) — give the folders "
                         "`hfs-pdf release --shard K/N --out …` wrote")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ShardError(f"{display_path(path)}: not a shard record hfs-pdf wrote ({error}) — build the shard again")


def merge_shards(out_dir: Path, shard_dirs: list[Path], tool_version: str) -> int:
    """Check the shards against each other, then write the whole release to `out_dir` atomically.
    Returns how many documents the release has."""
    records = [(folder, _read(folder)) for folder in shard_dirs]
    first_folder, first = records[0]
    problems: list[Problem | str] = []
    for folder, record in records[1:]:
        if record["fingerprint"] != first["fingerprint"]:
            problems.append(Problem(display_path(folder), f"was built from other inputs, code or options than "
                                    f"{display_path(first_folder)} — build every shard from the same commit and options"))
        if record["_shard"].count != first["_shard"].count:
            problems.append(Problem(display_path(folder), f"is shard {record['_shard'].number}/{record['_shard'].count}, "
                                    f"but {display_path(first_folder)} is one of {first['_shard'].count}"))
    if problems:
        raise ShardError(problems)
    count = first["_shard"].count
    numbers = [record["_shard"].number for _, record in records]
    duplicated = sorted({n for n in numbers if numbers.count(n) > 1})
    missing = sorted(set(range(1, count + 1)) - set(numbers))
    if duplicated or missing:
        said = "; ".join(part for part in (
            f"shard(s) {', '.join(map(str, duplicated))} given twice" if duplicated else "",
            f"shard(s) {', '.join(f'{n}/{count}' for n in missing)} missing" if missing else "") if part)
        raise ShardError(f"cannot merge: {said} — give each of the {count} shard folders once")
    wanted = {tuple(d) for d in first["documents"]}
    seen: dict[str, Path] = {}
    entries: list[ReleaseEntry] = []
    for folder, record in records:
        for fields in record["entries"]:
            if fields["path"] in seen:
                problems.append(Problem(display_path(folder), f"{fields['path']} is in {display_path(seen[fields['path']])} too"))
                continue
            seen[fields["path"]] = folder
            thumbnail = folder / "thumbnails" / Path(fields["path"]).with_suffix(".png")
            pdf = folder / fields["path"]
            if not pdf.is_file() or not thumbnail.is_file():
                problems.append(Problem(display_path(folder), f"{fields['path']} is listed but its PDF or thumbnail is gone"))
                continue
            entries.append(ReleaseEntry(**fields, thumbnail=thumbnail.read_bytes()))
    built = {(e.language, e.handout, e.variant) for e in entries}
    for language, handout, variant in sorted(wanted - built):
        problems.append(f"no shard has {language}/{handout} ({variant}) — build the missing shard again")
    if problems:
        raise ShardError(problems)
    staging = out_dir.parent / f".{out_dir.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for entry in entries:
            target = staging / entry.path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(seen[entry.path] / entry.path, target)
        brand = first.get("brand")
        write_release_files(staging, entries, tool_version, SheetBrand(**brand) if brand else None)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        staging.rename(out_dir)
    except OSError as error:
        raise OutputError(Problem(display_path(out_dir), f"cannot write the merged release ({error.strerror or error})"))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(entries)
