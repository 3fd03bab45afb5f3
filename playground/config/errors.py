"""The one error type for bad input: its text is one line for the user, naming the field or file."""


class ExperimentError(ValueError):
    """A bad experiment, file or value; its text is one line for the user."""
