"""``python -m helpers`` is the ``review`` command."""

from .cli import main

raise SystemExit(main())
