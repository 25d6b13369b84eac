"""`make bench`: whole-process timings and memory of hfs-pdf on this machine, each beside a floor
measured in the same run (scripts/floor.py: the same handouts laid out by hfs-pdf's story code and
rendered by plain ReportLab Platypus, untagged, with no post-processing or thumbnails).

Targets (issue 13, 2 cores): cold single handout ≤ 1.5× its floor; forced full release ≤ 1.1× the
floor's CPU per document; no-op rebuild of everything ≤ 0.25 s; peak ≤ 150 MiB per worker. Ratios
are what the README quotes (absolute times vary ±30 % on these machines). Prints the figures; it
does not fail on them. Timings are the best of several runs (the least disturbed).
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


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def floor_single() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "scripts" / "floor.py"), "single"], cwd=ROOT, check=True)
    return time.perf_counter() - start


def floor_cpu_per_document() -> tuple[float, int]:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "floor.py"), "all"], cwd=ROOT, check=True,
                          capture_output=True, text=True)
    count, seconds = done.stdout.split()
    return float(seconds) / int(count), int(count)


def main() -> None:
    jobs = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as scratch:
        run("i18n", "compile")
        one = ("build", "--handout", "overview", "--lang", "en", "--out", f"{scratch}/one")
        cold = min(run(*one, "--force") for _ in range(5))
        cold_floor = min(floor_single() for _ in range(5))
        warm = warm_per_document()
        every = ("build", "--lang", "all", "--out", f"{scratch}/dist")
        run(*every)  # fill the cache for the no-op figure
        no_op = min(run(*every) for _ in range(3))
        built_docs = sum(1 for _ in Path(f"{scratch}/dist").rglob("*.pdf"))
        release_cpu = []
        for _ in range(2):
            before = cpu_of_children()
            run("release", "--out", f"{scratch}/release", "-j", str(jobs), "--force")
            release_cpu.append(cpu_of_children() - before)
        full = min(run("release", "--out", f"{scratch}/release", "-j", str(jobs), "--force") for _ in range(1))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        documents = sum(1 for _ in Path(f"{scratch}/release").rglob("*.pdf"))
        floor_cpu, floor_documents = min(floor_cpu_per_document() for _ in range(2))
        cached_release = run("release", "--out", f"{scratch}/release", "-j", str(jobs))
        pack = run("pack", "packs/waiting-room.yaml", "--out", f"{scratch}/pack.pdf", "-j", str(jobs), "--force")
    per_document = min(release_cpu) / documents
    print(f"cold single handout, --force (whole process)  {cold:6.2f} s   floor {cold_floor:5.2f} s   "
          f"ratio {cold / cold_floor:4.2f}   target ≤ 1.5")
    print(f"full release CPU per document, --force        {per_document * 1000:6.0f} ms  floor {floor_cpu * 1000:5.0f} ms  "
          f"ratio {per_document / floor_cpu:4.2f}   target ≤ 1.1   ({documents} PDFs; floor {floor_documents})")
    print(f"full release wall, -j {jobs}, --force             {full:6.2f} s")
    print(f"warm per document (in process)               {warm * 1000:6.0f} ms")
    print(f"no-op rebuild, {built_docs} PDFs up to date           {no_op:6.2f} s    target ≤ 0.25 s")
    print(f"release again, nothing changed               {cached_release:6.2f} s")
    print(f"sample print pack, --force                   {pack:6.2f} s")
    print(f"peak memory of one process                   {peak:6.0f} MiB  target ≤ 150 MiB per worker")


if __name__ == "__main__":
    main()
