"""Turn source articles and a hand-maintained fact sheet into explainer pages.

The package never imports MkDocs: it reads, checks and renders Markdown on its own.
`generator.hook` is the only MkDocs-facing module.
"""

__version__ = "0.1.0"
