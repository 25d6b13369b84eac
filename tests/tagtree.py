"""Read a tagged PDF's structure tree back, as a reviewer would read it: roles, alt text, language,
and the text of each marked-content sequence (its /ActualText), through pikepdf."""

from __future__ import annotations

from pathlib import Path

import pikepdf


def marked_content(pdf: pikepdf.Pdf) -> dict[tuple[int, int], dict]:
    """(page index, MCID) → {"text": ActualText, "sizes": font sizes used} for every tagged sequence."""
    found: dict[tuple[int, int], dict] = {}
    for index, page in enumerate(pdf.pages):
        stack: list[dict | None] = []
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "BDC":
                properties = operands[1] if len(operands) > 1 else None
                if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                    entry = {"text": str(properties.get("/ActualText", "")), "sizes": set()}
                    found[(index, int(properties.MCID))] = entry
                    stack.append(entry)
                else:
                    stack.append(None)
            elif op == "BMC":
                stack.append(None)
            elif op == "EMC" and stack:
                stack.pop()
            elif op == "Tf" and stack and stack[-1] is not None:
                stack[-1]["sizes"].add(float(operands[1]))
    return found


def outline(path: Path) -> str:
    """An indented listing of the structure tree: one line per element, text in quotes."""
    with pikepdf.open(path) as pdf:
        content = marked_content(pdf)
        pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
        lines: list[str] = []

        def walk(element, depth: int) -> None:
            role = str(element.S)[1:]
            extras = "".join(
                f" {key}={str(element[f'/{key}'])!r}" for key in ("Lang", "Alt") if f"/{key}" in element
            )
            if "/A" in element and "/Scope" in element.A:
                extras += f" Scope={str(element.A.Scope)[1:]}"
            texts = []
            kids = element.get("/K", [])
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    texts.append(content[(pages[kid.Pg.objgen], int(kid.MCID))]["text"])
            lines.append("  " * depth + role + extras + (f" {' '.join(texts)!r}" if texts else ""))
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                    walk(kid, depth + 1)
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                    lines.append("  " * (depth + 1) + f"(link annotation {str(kid.Obj.get('/Contents', ''))!r})")

        for top in pdf.Root.StructTreeRoot.K:
            walk(top, 0)
        return "\n".join(lines) + "\n"


def tagged_font_sizes(path: Path, skip_roles: tuple[str, ...] = ()) -> dict[str, set[float]]:
    """Role → font sizes of the text tagged with it, leaving out elements under any of `skip_roles`' sections."""
    with pikepdf.open(path) as pdf:
        content = marked_content(pdf)
        pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
        sizes: dict[str, set[float]] = {}

        def walk(element, skipping: bool) -> None:
            role = str(element.S)[1:]
            kids = element.get("/K", [])
            kids = kids if isinstance(kids, pikepdf.Array) else [kids]
            skipping = skipping or ("/Lang" in element and role in skip_roles)
            skipping = skipping or role == "Figure"  # a drawing is scaled whole; its Alt is what is read
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR" and not skipping:
                    sizes.setdefault(role, set()).update(content[(pages[kid.Pg.objgen], int(kid.MCID))]["sizes"])
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                    walk(kid, skipping)

        for top in pdf.Root.StructTreeRoot.K:
            walk(top, False)
        return sizes
