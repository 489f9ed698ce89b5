"""Tests of the sample workshop's dates: today, starting now, and a next date four weeks on."""

from datetime import date, datetime, timedelta

from facilitator.demo import seed_demo
from facilitator.store import Store
from facilitator.store.workshops import get_workshop, workshop_row


def test_demo_takes_place_today_with_a_next_date(store: Store, clock) -> None:
    workshop_id = seed_demo(store)
    workshop = get_workshop(store, workshop_id)
    now = datetime.fromtimestamp(store.now_ms() / 1000)
    assert workshop.date == now.date().isoformat()
    start_h, start_m = map(int, workshop.start.split(":"))
    assert 0 <= now.hour * 60 + now.minute - (start_h * 60 + start_m) < 5
    row = workshop_row(store, workshop_id)
    assert date.fromisoformat(row["next_date"]) == now.date() + timedelta(weeks=4)
    assert row["next_venue"] and row["next_start"] == "09:00"
