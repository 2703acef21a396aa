"""Layer 5 (beside ``plots``): the audit of the review's internal consistency.

The rule registry and ``Finding``, one module per rule family, the runner that
joins the reviewed verdicts and the rendering of the findings.
"""
