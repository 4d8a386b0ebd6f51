"""Exceptions the library raises; the CLI turns them into one-line messages and exit codes."""


class CheckerError(Exception):
    """Base class for errors reported to the user without a traceback."""

    exit_code = 1


class InputError(CheckerError):
    """A bad input file. The message starts with the file name."""

    exit_code = 3


class RulesError(CheckerError):
    """Invalid rule files. `errors` holds every problem found, each 'file:line:col: CODE message'."""

    exit_code = 2

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


class OutputError(CheckerError):
    exit_code = 4
