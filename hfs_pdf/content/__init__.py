"""1 LOAD: YAML files → validated `Handout` and `Brand` values, with file:line on every problem."""

from hfs_pdf.content.brand import load_brand
from hfs_pdf.content.handouts import load_handout, load_handouts

__all__ = ["load_brand", "load_handout", "load_handouts"]
