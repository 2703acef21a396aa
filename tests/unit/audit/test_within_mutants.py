"""Rule W2 to the letter when the cited title takes a side: the survivors of mutmut over ``helpers.audit.within``.

Table 1 row 9 prints the route "OV 5 × 10⁵" beside effects that speak of
"Intrarenal transplantation"; the rule (W2's docstring) reports the clash and,
when the cited title names a route too, which printed cell the title supports.
The title's words are quoted lower case, followed by the route code in
parentheses unless the word is the code itself ("intrarenal").
"""

from __future__ import annotations

import pytest

from helpers.audit.registry import RULES
from tests.unit.audit.test_audit import refs, rows


@pytest.mark.parametrize(
    "route, effects, title, expected",
    [
        # The title's word is the route's own code: named once, not "intrarenal (intrarenal)"; matched in any case.
        (
            "OV",
            "Intrarenal transplantation of hBM-MSCs may be safe",
            "Intrarenal transplantation of MSCs",
            "The row's route is OV, but its own text speaks of intrarenal delivery. "
            "The cited title names intrarenal delivery, so the route cell is the likelier slip.",
        ),
        # A capitalised title word still names its route, with the code after it (Table 1 row 9's own title
        # names "intraovarian" in lower case; here the first word of a title).
        (
            "OV",
            "Intrarenal transplantation of hBM-MSCs may be safe",
            "Intraovarian injection of human MSCs",
            "The row's route is OV, but its own text speaks of intrarenal delivery. "
            "The cited title names intraovarian (OV) delivery, so the effects text is the likelier slip.",
        ),
        # Two routes of the row named by the title: both, joined by "and", in the order of the route vocabulary.
        (
            "IV+IP",
            "Subcutaneous injection improved memory",
            "Intravenous and intraperitoneal injection of MSCs",
            "The row's route is IP/IV, but its own text speaks of SC delivery. "
            "The cited title names intravenous (IV) and intraperitoneal (IP) delivery, "
            "so the effects text is the likelier slip.",
        ),
    ],
    ids=["code-is-the-word", "capitalised-word", "two-routes"],
)
def test_w2_quotes_the_title_words_that_name_the_route(route, effects, title, expected):
    (found,) = RULES["W2"].check(rows({"ref": 1, "route": route, "effects": effects}), refs({"title": title}))
    assert found.message == expected
