"""Layer 3: the analyses beyond the paper, one module per exhibit where one serves one.

``evidence`` serves Figs. 1 and 2 (with ``accuracy``, the tags measured
against the two-reader annotation); ``gapmap``, ``trials``, ``dosing`` and
``timeline`` serve the exhibits of those names; ``crossing`` counts coded
studies by one category (design, dosing). They compute frames and never draw.
"""
