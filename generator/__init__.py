"""Turn source articles and a hand-maintained fact sheet into explainer pages.

The core (every module here but `mkdocs_adapter`) reads, checks and renders Markdown on its own and
never imports MkDocs, Material or Markdown; `generator.mkdocs_adapter` is the only MkDocs-facing code.
See ARCHITECTURE.md.
"""

__version__ = "0.1.0"
