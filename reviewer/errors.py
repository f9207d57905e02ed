"""Exceptions of the library. Messages say what happened and what to do, in Indonesian / English."""


class ReviewerError(Exception):
    """Base class: a problem the user can understand and act on (never a bug)."""


class UnsupportedFormat(ReviewerError):
    """The file is not a PDF, DOCX, plain text or image file."""


class CorruptFile(ReviewerError):
    """The file claims a supported format but cannot be read."""


class EncryptedFile(ReviewerError):
    """The file is protected by a password we do not have."""


class PatternError(ReviewerError):
    """A pattern file is invalid; the message names the file and the pattern."""


class ModelError(ReviewerError):
    """A model artifact is missing, incompatible or corrupt."""
