"""One exception hierarchy for the library; the API maps each class to an HTTP status in one place."""

from __future__ import annotations

from dataclasses import dataclass


class KgError(Exception):
    """Base class of every error the library raises on purpose."""


@dataclass
class SourcePosition:
    """Where in a source a problem is: file (or "<request>"), 1-based line and column when known."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where


class LoadError(KgError):
    """A source could not be read or parsed. Carries the parser's message and position."""

    def __init__(self, message: str, position: SourcePosition | None = None) -> None:
        self.message = message
        self.position = position
        super().__init__(f"{position}: {message}" if position else message)


class ValidationFailed(KgError):
    """The data does not conform to the shapes (carries the typed report)."""

    def __init__(self, report) -> None:  # report: kg.build.report.ValidationReport
        self.report = report
        super().__init__(f"{report.violation_count} violation(s)")


class InconsistencyError(KgError):
    """The OWL 2 RL closure found a contradiction (e.g. a resource both a State and an organization)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


class QueryError(KgError):
    """A SPARQL query is malformed. Carries the parser's message and, when known, line and column."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.message = message
        self.line = line
        self.column = column
        super().__init__(message)


class QueryRefused(KgError):
    """A query asks for something the service does not allow (update, LOAD, SERVICE off the allow-list)."""


class NotAcceptable(KgError):
    """A query's answer cannot be given in any format the request accepts (a SELECT asked for as Turtle, ...).

    form is the query's: 'select', 'ask' or 'graph' (CONSTRUCT, DESCRIBE).
    """

    def __init__(self, form: str) -> None:
        self.form = form
        super().__init__(f"no acceptable format for a {form} query")


class QueryTimeout(KgError):
    """A query ran past its time limit and was stopped."""


class ResultTooLarge(KgError):
    """A SPARQL answer exceeded a cap (rows or bytes); it is refused whole, never cut."""

    def __init__(self, message: str, *, limit: int, setting: str) -> None:
        self.limit = limit
        self.setting = setting
        super().__init__(message)


class RequestTooLarge(KgError):
    """A request body is larger than its limit (counted while it is read, chunked bodies included)."""

    def __init__(self, limit: int, setting: str) -> None:
        self.limit = limit
        self.setting = setting
        super().__init__(f"the request body is larger than {limit} bytes (the limit; {setting})")


class WorkerMemoryExceeded(KgError):
    """A worker process ran out of its memory limit (and was replaced)."""

    def __init__(self, message: str, *, limit: int, setting: str) -> None:
        self.limit = limit
        self.setting = setting
        super().__init__(message)


class ContributionMemoryExceeded(WorkerMemoryExceeded):
    """Checking a contribution needed more memory than the validation worker's limit."""


class WorkerDied(KgError):
    """A worker process died while answering (it was retried once, then replaced): the service is fine."""


class TooManyChecks(KgError):
    """A client already has as many validations running or waiting as it may."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(
            f"this client already has {limit} validation(s) running or waiting (the limit; "
            "CYBERGOV_VALIDATE_PER_CLIENT); retry when it ends"
        )


class StoreError(KgError):
    """The store backend failed (unreachable remote endpoint, broken cache, ...)."""


class NotFound(KgError):
    """A resource id is unknown. Carries suggestions of close ids."""

    def __init__(self, kind: str, ident: str, suggestions: list[str] | None = None) -> None:
        self.kind = kind
        self.ident = ident
        self.suggestions = suggestions or []
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no {kind} with id '{ident}'{hint}")


class BadParameter(KgError):
    """A request parameter is invalid (the API answers 422 naming it)."""

    def __init__(self, name: str, message: str) -> None:
        self.name = name
        self.message = message
        super().__init__(f"{name}: {message}")


class ContributionTooLarge(KgError):
    """A contribution sent to POST /validate is larger than Settings.max_upload_bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(
            f"the contribution is larger than {limit} bytes (the limit; CYBERGOV_MAX_UPLOAD_BYTES)"
        )


class ValidationTimeout(KgError):
    """Checking a contribution ran past Settings.validate_timeout and was stopped."""


class ShapesError(KgError):
    """The SHACL shapes themselves are not valid SHACL (pyshacl refused them); a fault of shapes/, not of the data."""
