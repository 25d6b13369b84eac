"""`python -m hfs_pdf` runs the command-line interface."""

from hfs_pdf.cli import main

main()
