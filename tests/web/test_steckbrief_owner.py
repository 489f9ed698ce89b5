"""Tests the Projektsteckbrief form against hostile phones (issue 28.4), on a real server.

An answer belongs to the phone that gave it; answers that add captures count against
the submission caps; an organisation typed on a phone stays pending until a moderator
accepts it, however often it is answered again.
"""

import pytest

from facilitator.store.activities import FORM_ORGANISATIONS_PER_PHONE, start_activity
from facilitator.store.activity_forms import load_activity_set
from facilitator.store.captures import list_captures
from facilitator.store.organisations import list_organisations, list_pending
from facilitator.web.caps import Caps
from tests.web.test_web_hostile import (  # noqa: F401 - served is a fixture
    _loopback_aliases_work,
    address,
    phone,
    served,
)

pytestmark = pytest.mark.skipif(
    not _loopback_aliases_work(), reason="needs 127.0.x.y source addresses"
)


def _steckbrief(store, workshop_id: str) -> str:
    config = load_activity_set("projektsteckbrief")
    return start_activity(store, workshop_id, "form", config["prompt"]["de"], config)


def _fields(activity: str, org: str, project: str = "Digitaler Bauantrag") -> dict:
    return {
        "activity": activity,
        "org": org,
        "f.project": project,
        "f.topic": "verwaltung",
        "f.status": "geplant",
        "f.hurdle": "Schnittstelle zum Fachverfahren",
    }


async def _answer(session, base: str, code: str, fields: dict):
    await session.get(f"{base}/j/{code}")
    return await session.post(
        f"{base}/api/activity?code={code}",
        data=fields,
        headers={"Accept": "application/json"},
    )


async def test_another_phone_cannot_overwrite_an_organisations_answer(
    served,  # noqa: F811
    store,
    workshop_id,
    code,
) -> None:
    _, base = await served()
    activity = _steckbrief(store, workshop_id)
    async with phone(address(0)) as owner, phone(address(1)) as other:
        assert (await _answer(owner, base, code, _fields(activity, "Stadt Ulm"))).status == 200
        hijack = _fields(activity, "stadt  ulm", project="Gelöscht")
        refused = await _answer(other, base, code, hijack)
        assert refused.status == 403
        assert "anderes Telefon" in (await refused.json())["error"]
        fixed = _fields(activity, "Stadt Ulm", project="Digitaler Bauantrag 2.0")
        assert (await _answer(owner, base, code, fixed)).status == 200  # its own: fine
    texts = sorted(c.text for c in list_captures(store, workshop_id))
    assert texts == ["Digitaler Bauantrag 2.0", "Schnittstelle zum Fachverfahren"]


async def test_form_answers_count_against_the_submission_caps(
    served,  # noqa: F811
    store,
    workshop_id,
    code,
) -> None:
    _, base = await served(caps=Caps(submissions_per_workshop=5))
    activity = _steckbrief(store, workshop_id)
    statuses = []
    for n in range(6):  # each new organisation adds a measure and a challenge
        async with phone(address(n)) as session:
            answer = await _answer(session, base, code, _fields(activity, f"Gemeinde {n}"))
            statuses.append(answer.status)
    assert statuses == [200, 200, 200, 409, 409, 409]
    assert len(list_captures(store, workshop_id)) == 6  # 5 allowed, the third answer filled it


async def test_one_phone_fills_only_a_few_organisations(
    served,  # noqa: F811
    store,
    workshop_id,
    code,
) -> None:
    _, base = await served()
    activity = _steckbrief(store, workshop_id)
    async with phone(address(2)) as session:
        statuses = [
            (await _answer(session, base, code, _fields(activity, f"Verband {n}"))).status
            for n in range(FORM_ORGANISATIONS_PER_PHONE + 2)
        ]
    assert statuses == [200] * FORM_ORGANISATIONS_PER_PHONE + [403, 403]
    assert len(list_captures(store, workshop_id)) == 2 * FORM_ORGANISATIONS_PER_PHONE


async def test_a_phone_typed_organisation_stays_pending_when_answered_again(
    served,  # noqa: F811
    store,
    workshop_id,
    code,
) -> None:
    _, base = await served()
    activity = _steckbrief(store, workshop_id)
    async with phone(address(3)) as session:
        first = _fields(activity, "Hofgut Neuland eG")
        assert (await _answer(session, base, code, first)).status == 200
        again = {**first, "org": "hofgut neuland EG", "f.status": "in_umsetzung"}
        assert (await _answer(session, base, code, again)).status == 200
    assert "Hofgut Neuland eG" not in [o.name for o in list_organisations(store)]
    assert [o.name for o in list_pending(store)] == ["Hofgut Neuland eG"]
