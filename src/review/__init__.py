"""The ``review`` command: build, run, verify and list the exhibits.

This package drives notebooks; the notebooks' own logic is the library
:mod:`helpers`. Imports go one way: ``review`` imports ``helpers``, never
the reverse (``tests/integration/test_architecture.py`` checks it). See ARCHITECTURE.md.
"""
