"""`make bench`: whole-process timings and memory of hfs-pdf on this machine.

Targets (issue 5, 2 cores): cold single handout ≤ 0.25 s, full release ≤ 5 s, no-op rebuild
≤ 0.5 s, peak ≤ 150 MiB per worker. Prints the figures; it does not fail on them.
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
    from hfs_pdf.layout import LayoutOptions
    from hfs_pdf.model import Paper, Variant

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
        cold = min(run("build", "--handout", "overview", "--lang", "en", "--out", f"{scratch}/one") for _ in range(3))
        warm = warm_per_document()
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        full = run("release", "--out", f"{scratch}/release", "-j", str(jobs))
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        documents = sum(1 for _ in Path(f"{scratch}/release").rglob("*.pdf"))
    print(f"cold single handout (whole process)   {cold:6.2f} s    target ≤ 0.25 s")
    print(f"warm per document (in process)        {warm * 1000:6.0f} ms")
    print(f"full release, {documents} PDFs, -j {jobs}         {full:6.2f} s    target ≤ 5 s")
    print("no-op rebuild                            n/a    target ≤ 0.5 s (incremental cache not built yet)")
    print(f"peak memory of one process            {peak:6.0f} MiB  target ≤ 150 MiB per worker")


if __name__ == "__main__":
    main()
