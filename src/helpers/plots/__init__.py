"""Layer 5 (beside ``audit``): one module per figure, named after its exhibit.

``common`` holds what every figure shares (colours, title, subtitle, note);
``fig1``, ``fig2``, ``gapmap``, ``dosing``, ``trials`` and ``timeline`` each
draw one exhibit from the frames of :mod:`helpers.analysis`.
"""
