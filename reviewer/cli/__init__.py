"""The `reviewer` command: one group, a module per command group. Commands parse options, call the
library and print; nothing else lives here."""

from __future__ import annotations

import sys

import click

from reviewer.core.errors import ReviewerError

# Commands defined in other modules, imported only when used so `reviewer --help` stays instant.
# One line per command: "name": "module:attribute". Other packages add commands through the entry-point
# group `reviewer.commands` (the web UI adds `serve` and `demo`), so this package never names them.
LAZY_COMMANDS: dict[str, str] = {
    "scan": "reviewer.cli.scan:scan",
    "check-patterns": "reviewer.cli.scan:check_patterns",
    "user": "reviewer.cli.user:user",
    "db": "reviewer.cli.user:db",
    "redact": "reviewer.cli.redact:redact",
    "batch": "reviewer.cli.batch:batch",
    "train": "reviewer.cli.train:train",
    "unit": "reviewer.cli.unit:unit",
    "dik": "reviewer.cli.dik:dik",
    "figures": "reviewer.cli.dik:figures_cmd",
    "doctor": "reviewer.cli.doctor:doctor",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS, *_plugins()})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS:
            import importlib

            module, attr = LAZY_COMMANDS[name].split(":")
            return getattr(importlib.import_module(module), attr)
        plugin = _plugins().get(name)
        if plugin is not None:
            return plugin.load()
        return super().get_command(ctx, name)


def _plugins() -> dict:
    """Commands other installed packages register under the entry-point group `reviewer.commands`."""
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group="reviewer.commands")}


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ppid-reviewer")
def cli() -> None:
    """Asisten peninjauan dokumen PPID (UU 14/2008 Pasal 17).

    PPID document reviewer: finds exempt information and suggests redactions with a legal basis.
    """


_quick_exit = False


def allow_quick_exit() -> None:
    """Let the process end without the interpreter's teardown once this command returns (see `main`).

    For a command that only reads and prints (`scan`): the teardown frees, one by one, every object the
    NER model, the patterns and the document made, about 0.15 s of CPU at the end of each scan. Only
    `main` acts on it, so a command run in-process (click's test runner, the web UI) ends as usual."""
    global _quick_exit
    _quick_exit = True


def main() -> None:
    """The `reviewer` program (`python -m reviewer`, the console script)."""
    global _quick_exit
    _quick_exit = False
    try:
        cli(standalone_mode=True)
    except ReviewerError as exc:  # a library error that escaped a command: still no traceback
        click.echo(f"galat / error: {exc}", err=True)
        sys.exit(1)
    except SystemExit as exc:
        if _quick_exit and (exc.code is None or isinstance(exc.code, int)):
            _exit_now(exc.code or 0)
        raise


def _exit_now(code: int) -> None:
    """End the process now: output flushed and exit handlers run (`atexit`, so logging and temporary
    folders are closed), but no module teardown. Returns, for the usual exit, when another thread is still
    running (the interpreter would wait for it) or when the output cannot be flushed (a closed pipe:
    Python reports that as usual)."""
    import atexit
    import os
    import threading

    run_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_handlers is None or threading.active_count() > 1:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
        run_handlers()
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)
