"""`make bench`: whole-process timings and memory of hfs-pdf on this machine.

Targets (issue 5, 2 cores): cold single handout ≤ 0.25 s, full release ≤ 5 s, no-op rebuild
≤ 0.5 s, peak ≤ 150 MiB per worker. Prints the figures; it does not fail on them. Timings are
the best of several runs (the least disturbed by whatever else the machine is doing).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "hfs_pdf"]


def run(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([*CLI, *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def warm_per_document(repeat: int = 10) -> float:
    from hfs_pdf import operations
    from hfs_pdf.content import load_brand, load_handout
    from hfs_pdf.model import LayoutOptions, Paper, Variant

    project = operations.Project.at(ROOT)
    task = operations.RenderTask(
        load_handout(ROOT / "handouts" / "overview.yaml"), load_brand(ROOT / "brands" / "demo.yaml"), "en",
        project.translations_dir, LayoutOptions(Paper.LETTER, Variant.STANDARD), False,
    )
    operations.render_task(task)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        operations.render_task(task)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    jobs = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as scratch:
        run("i18n", "compile")
        one = ("build", "--handout", "overview", "--lang", "en", "--out", f"{scratch}/one")
        cold = min(run(*one, "--force") for _ in range(3))
        warm = warm_per_document()
        every = ("build", "--lang", "all", "--out", f"{scratch}/dist")
        run(*every)  # fill the cache for the no-op figure
        no_op = min(run(*every) for _ in range(3))
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        full = min(run("release", "--out", f"{scratch}/release", "-j", str(jobs), "--force") for _ in range(2))
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        documents = sum(1 for _ in Path(f"{scratch}/release").rglob("*.pdf"))
        cached_release = run("release", "--out", f"{scratch}/release", "-j", str(jobs))
        pack = run("pack", "packs/waiting-room.yaml", "--out", f"{scratch}/pack.pdf", "-j", str(jobs), "--force")
    print(f"cold single handout, --force (whole process)  {cold:6.2f} s    target ≤ 0.25 s")
    print(f"warm per document (in process)               {warm * 1000:6.0f} ms")
    print(f"full release, {documents} PDFs, -j {jobs}, --force       {full:6.2f} s    target ≤ 5 s")
    print(f"no-op rebuild, 96 PDFs up to date            {no_op:6.2f} s    target ≤ 0.5 s")
    print(f"release again, nothing changed               {cached_release:6.2f} s")
    print(f"sample print pack, --force                   {pack:6.2f} s")
    print(f"peak memory of one process                   {peak:6.0f} MiB  target ≤ 150 MiB per worker")


if __name__ == "__main__":
    main()
