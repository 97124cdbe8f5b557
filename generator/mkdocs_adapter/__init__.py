"""The only code that faces MkDocs (and Material and Python-Markdown): the rest of `generator` never
imports it, and builds the same pages for any builder (`python -m generator render`).

- `hook.py`: the hook `mkdocs.yml` names; MkDocs' public events only, with the build's state on one object.
- `blocks.py`: the generator's HTML blocks handed to Markdown whole, through public page events.
- `watch.py`: under `mkdocs serve`, the operating system's file events instead of half-second polling: the
  one place that touches MkDocs' private attributes, after checking the versions and names it relies on.
"""
