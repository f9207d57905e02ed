"""PPID document reviewer: find what UU 14/2008 Pasal 17 exempts, suggest redactions with a basis."""

__version__ = "0.1.0"
