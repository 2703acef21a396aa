"""Layer 6, the top: what a notebook calls first and last.

``params`` declares and validates a notebook's parameters and says where a
run writes; ``session`` is one notebook run (``start``, ``save_*``, ``finish``).
"""
