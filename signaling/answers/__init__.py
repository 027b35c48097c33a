"""Common questions (issue #13, docs/answers.md): the content model, its validation, the edits
editors make, the published bundle, PO import and export, and the starter set. Pure: the store
(:mod:`signaling.store_answers`) and the CLI do the I/O."""
