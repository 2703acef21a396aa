"""Layer 1, the ground floor: what every other layer may use.

Locations (``paths``), the fixed vocabulary (``vocab``), the exhibit catalog
(``catalog``), atomic writes and hashes (``files``), row selection by a run's
parameters (``selection``), the run record (``runrecord``) and the memo of
derived frames (``memo``). Nothing here imports another layer.

Package ``__init__`` files stay empty of imports: a notebook depends on
exactly the modules it imports, so editing one module reruns only its users.
"""
