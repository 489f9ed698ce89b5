"""A new organisation is offered as a typo of a known one only when it is a slip, not a word."""

import pytest

from facilitator.core.name_match import match_organisation

KNOWN = ["Schwäbisch Gmünd", "Stadt Esslingen", "Stadt Ostfildern", "Gemeinde Aichwald"]


@pytest.mark.parametrize(
    "typed, suggestion",
    [
        ("Stadt Ostfilden", "Stadt Ostfildern"),
        ("Stadt Eslingen", "Stadt Esslingen"),
        ("Gemeinde Aichwlad", "Gemeinde Aichwald"),
        ("StadtEsslingen", "Stadt Esslingen"),  # a space lost
        ("Schwäbisch Gmünd", None),  # known: no suggestion
        # another organisation, however alike the letters: the city's utility
        ("Stadtwerke Schwäbisch Gmünd", None),
        ("Stadtwerke Esslingen", None),
    ],
)
def test_slips_are_offered_other_organisations_are_not(typed, suggestion):
    assert match_organisation(typed, KNOWN).suggestion == suggestion
