"""What every figure test shares: no figure outlives its test."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest


@pytest.fixture(autouse=True)
def _close_figures():
    """Close the figures a test drew (pyplot keeps them, and after 20 warns of the memory they hold)."""
    yield
    plt.close("all")
