"""Storage: the shared database of the web UI, the batch screener and the CLI.

`records` holds the engine, sessions, migrations and the document, finding, decision, user and audit
tables; `units` the unit and DIK tables; `dik`, `batch`, `jobs` and `originals` what is stored for
those areas. Importing any of them registers every table on `records.Base`.
"""

from reviewer.store import records, units  # noqa: F401  (every table on Base, whichever module is imported)
