"""Click's own words, in the language in force: ``Usage:``, ``Options``, the usage errors.

Click marks its messages with stdlib gettext's ``_`` and ``ngettext``, bound in each of its
modules, and ships no translation. ``speak()`` rebinds them, in the modules that use them when
a command line is read or its help written, to osteotrack's: the messages below, marked here
so that the catalogs hold them, are then said in the language ``--lang`` (read first) chose.
A message of click's not listed here stays English.
"""

from __future__ import annotations

from osteotrack.i18n import N_, Nn_

MESSAGES = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    # TRANSLATORS: after an option's help, in brackets: "[default: now]".
    N_("default: {default}"),
    # TRANSLATORS: after an option's help, in brackets: "[required]".
    N_("required"),
    N_("Missing option"),
    N_("Missing argument"),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Invalid value for {param_hint}: {message}"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("Aborted!"),
)
PLURALS = (
    Nn_("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    Nn_("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    Nn_("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    Nn_("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
)


def speak() -> None:
    """Let click say its words through osteotrack's catalogs (at run time; its decorators keep English)."""
    import click.core
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    from osteotrack import i18n

    for module in (click.core, click.exceptions, click.formatting, click.parser, click.types):
        module._ = i18n._  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = i18n.ngettext  # type: ignore[attr-defined]
