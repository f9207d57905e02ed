"""Exceptions of the library. Messages say what happened and what to do, in Indonesian / English."""


class ReviewerError(Exception):
    """Base class: a problem the user can understand and act on (never a bug)."""


class UnsupportedFormat(ReviewerError):
    """The file is not a PDF, DOCX, plain text or image file."""


class CorruptFile(ReviewerError):
    """The file claims a supported format but cannot be read."""


class EncryptedFile(ReviewerError):
    """The file is protected by a password we do not have."""


class SchemaError(ReviewerError):
    """The database is not at the schema this version needs; `reviewer db upgrade` migrates it."""


class PatternError(ReviewerError):
    """A pattern file is invalid; the message names the file and the pattern."""


class ModelError(ReviewerError):
    """A model artifact is missing, incompatible or corrupt."""


class RedactionError(ReviewerError):
    """A redaction could not be made as asked; nothing was written as done."""


class DecisionError(RedactionError):
    """A decisions file is invalid or does not fit the document; the message names the decision."""


class VerificationFailed(RedactionError):
    """The redacted file still holds something it must not; it was not kept. `report` says what."""

    def __init__(self, message: str, report=None):
        super().__init__(message)
        self.report = report


class ScannedPageNotSupported(RedactionError):
    """A page whose text came from OCR needs the scanned-page redactor (reviewer.redact.scan)."""


class OcrError(ReviewerError):
    """OCR is not possible here (Tesseract missing) or failed on a page."""


class ModelMissing(ModelError):
    """The model artifact does not exist: train it (`reviewer train ...`)."""


class ModelIncompatible(ModelError):
    """The artifact was written by another format version or library: retrain it."""


class ModelCorrupt(ModelError):
    """The artifact cannot be read or fails its checksum: retrain or restore it."""
