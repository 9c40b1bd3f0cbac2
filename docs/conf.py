# Sphinx configuration of the Skyport documentation. Built in CI (DocsIT) with
# `sphinx-build -W`, so every warning is an error. Pages are reStructuredText; the
# long-standing Markdown pages (hosts, EC2, GCE, benchmarks, the generated compatibility
# report) are read through MyST (Debian's python3-myst-parser) rather than converted.
project = "Skyport"
author = "The Skyport authors"
copyright = "The Skyport authors"

extensions = ["myst_parser"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
# Markdown headings up to ### get anchors, so `page.md#heading` links resolve.
myst_heading_anchors = 3

html_theme = "alabaster"
html_title = "Skyport documentation"
html_show_sourcelink = False
# Files copied as they are to the site's root: the compatibility report's HTML page.
html_extra_path = ["extra"]
