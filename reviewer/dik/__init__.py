"""The DIK (Daftar Informasi yang Dikecualikan) of a unit: its rows, their legal basis and decree,
import/export in the layouts agencies use, advice on conflicts with the law, durations (Pasal 20),
and matching a finding to the row that covers it.

- `reviewer.dik.model`   rows, legal basis and durations (parsing agency wording)
- `reviewer.dik.io`      CSV/XLSX import and export
- `reviewer.dik.advice`  known conflicts with the law (advice, never a block)
- `reviewer.dik.match`   which row covers a finding, and the basis text of the suggestion
- `reviewer.dik.expiry`  rows and redactions whose period has ended
"""

from reviewer.dik.model import Decree, DikError, DikRow, Duration, format_basis, parse_basis, parse_duration

__all__ = ["Decree", "DikError", "DikRow", "Duration", "format_basis", "parse_basis", "parse_duration"]
