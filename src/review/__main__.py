"""``python -m review`` is the ``review`` command."""

from .cli import main

raise SystemExit(main())
