"""5 PUBLISH: PDF bytes → files on disk. The only stage that writes."""

from hfs_pdf.publish.files import output_path, write_atomic

__all__ = ["output_path", "write_atomic"]
