"""The `lagebild` command: one module per area, all on the app of `common`."""

from __future__ import annotations

from lagebild.cli import actors, analyze, corpus, evaluate, events, kb, time, web  # noqa: F401  (they register their commands)
from lagebild.cli.common import app


def main() -> None:
    app()


if __name__ == "__main__":
    main()
