"""The Run screen offers the block's activity; a starts and stops it, v reveals, b the projector."""

from textual.widgets import Static

from facilitator.store.activities import answer_activity, list_activities, open_activity
from facilitator.store.agenda import list_items, update_item


async def test_block_with_a_card_activity_offers_it_and_a_starts_it(app, store, workshop_id):
    first = list_items(store, workshop_id)[0]
    update_item(store, first.id, method="one-word-abschluss")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        app.screen.tick()
        message = str(app.screen.query_one("#message", Static).content)
        assert message.startswith("a startet die Aktivität dieses Blocks")
        assert "Wortwolke" in message
        await pilot.press("a")
        running = open_activity(store, workshop_id)
        assert running["type"] == "wordcloud" and running["agenda_item_id"] == first.id
        assert "Läuft auf den Telefonen" in str(app.screen.query_one("#message", Static).content)
        answer_activity(store, workshop_id, running["id"], "phone-aaaa", {"w0": "Mut"})
        await pilot.press("v")
        assert list_activities(store, workshop_id)[0]["results_revealed"]
        await pilot.press("a")
        assert open_activity(store, workshop_id) is None
        assert "(1 Antworten)" in str(app.screen.query_one("#message", Static).content)


async def test_a_without_a_card_activity_says_so(app, store, workshop_id):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        await pilot.press("a")
        assert open_activity(store, workshop_id) is None
        assert "keine Aktivität" in str(app.screen.query_one("#message", Static).content)


async def test_b_without_a_server_says_so(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        assert "Teilnahme-Server läuft nicht" in str(
            app.screen.query_one("#message", Static).content
        )


async def test_b_opens_the_projector_view_in_the_browser(app, store, monkeypatch):
    import webbrowser
    from types import SimpleNamespace

    from facilitator.web.projector import projector_path

    opened = []
    monkeypatch.setattr(webbrowser, "open", opened.append)

    async def stop() -> None:
        return None

    async with app.run_test(size=(80, 24)) as pilot:
        app.server = SimpleNamespace(port=8765, stop=stop)
        await pilot.press("b")
        await app.workers.wait_for_complete()
        assert opened == [f"http://127.0.0.1:8765{projector_path(store)}"]


async def pick_ballot(pilot, app, choice: str) -> None:
    """In the ballot dialog, choose `choice` ("block", "kind:need", "all", "pick")."""
    from textual.widgets import OptionList

    await pilot.pause()
    assert type(app.screen).__name__ == "BallotDialog"
    options = app.screen.query_one("#ballot", OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    options.highlighted = ids.index(choice)
    await pilot.press("enter")
    await pilot.pause()


async def test_dots_from_the_card_offers_to_merge_near_duplicates(app, store, workshop_id):
    from facilitator.store.activities import results
    from facilitator.store.captures import add_capture, get_capture

    first = list_items(store, workshop_id)[0]
    update_item(store, first.id, method="gallery-walk")
    keep = add_capture(store, workshop_id, "need", "Schnittstellen zwischen [b]Fachverfahren[/b]")
    twin = add_capture(
        store, workshop_id, "need", "Schnittstelle zwischen den [b]Fachverfahren[/b]"
    )
    other = add_capture(store, workshop_id, "challenge", "Fachkräftemangel")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        await pilot.press("a")
        await pick_ballot(pilot, app, "all")
        dialog = app.screen
        assert type(dialog).__name__ == "ConfirmDialog"
        shown = str(dialog.query_one(".dialog-title").render())
        assert "[b]Fachverfahren[/b]" in shown  # what people typed is not markup
        assert "Bedarf: „Schnittstellen" in shown  # the kinds, before anyone merges
        await pilot.press("j")
        await pilot.pause()
        running = open_activity(store, workshop_id)
        assert [e["id"] for e in results(store, running["id"])["entries"]] == [keep, other]
        assert get_capture(store, twin).hidden
        assert type(app.screen).__name__ == "RunScreen"  # no more pairs to ask about


async def test_w_hides_a_word_and_f_marks_a_question(app, store, workshop_id):
    from facilitator.store.activities import ask_question, results, start_activity

    cloud = start_activity(store, workshop_id, "wordcloud", "Ein Wort")
    answer_activity(store, workshop_id, cloud, "phone-aaaa", {"w0": "[red]Mist[/red]", "w1": "Mut"})
    answer_activity(store, workshop_id, cloud, "phone-bbbb", {"w0": "Mut"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert type(app.screen).__name__ == "PickDialog"
        await pilot.press("down", "enter")  # the second word (typed with brackets, counted once)
        await pilot.pause()
        assert [w["word"] for w in results(store, cloud)["words"]] == ["Mut"]
        qa = start_activity(store, workshop_id, "questions", "Fragen")
        ask_question(store, workshop_id, qa, "phone-aaaa", "Wer zahlt?", "q1")
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert results(store, qa)["questions"][0]["answered"]


async def test_shift_a_starts_any_activity_from_the_app(app, store, workshop_id, type_text):
    from facilitator.store.activities import get_activity

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # dots, wordcloud, scale, choice
        await pilot.pause()
        await type_text(pilot, "Wohin fahren wir?")
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "Ulm; Heilbronn")
        await pilot.press("enter")
        await pilot.pause()
        running = get_activity(store, open_activity(store, workshop_id)["id"])
        assert (running["type"], running["prompt"]) == ("choice", "Wohin fahren wir?")
        assert running["config"]["options"] == ["Ulm", "Heilbronn"]
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("end", "enter")  # the last: Erhebung: projektsteckbrief
        await pilot.pause()
        assert open_activity(store, workshop_id)["config"]["set"] == "projektsteckbrief"


async def test_the_app_chooses_the_ballot_by_kind_or_ticked_rows(
    app, store, workshop_id, type_text
):
    from facilitator.store.activities import get_activity
    from facilitator.store.captures import add_capture

    need = add_capture(store, workshop_id, "need", "Schnittstellen")
    add_capture(store, workshop_id, "decision", "Wir treffen uns im März")
    idea = add_capture(store, workshop_id, "idea", "Gemeinsamer Einkauf")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("enter")  # the first type: dots
        await pilot.pause()
        await type_text(pilot, "Was zuerst?")
        await pilot.press("enter")
        await pick_ballot(pilot, app, "kind:need")
        running = get_activity(store, open_activity(store, workshop_id)["id"])
        assert running["config"]["ballot"] == [need]  # no decision, no idea on it
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "Und dann?")
        await pilot.press("enter")
        await pick_ballot(pilot, app, "pick")
        await pilot.press("space", "down", "down", "space")  # the first and the third row
        await pilot.press("ctrl+s")
        await pilot.pause()
        running = get_activity(store, open_activity(store, workshop_id)["id"])
        assert running["prompt"] == "Und dann?" and sorted(running["config"]["ballot"]) == sorted(
            [need, idea]
        )


async def test_x_deletes_an_activity_nobody_answered(app, store, workshop_id):
    from facilitator.store.activities import answer_activity, list_activities, start_activity

    start_activity(store, workshop_id, "choice", "Versehentlich", {"options": ["A", "B"]})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert list_activities(store, workshop_id) == []
        kept = start_activity(store, workshop_id, "choice", "Echt", {"options": ["A", "B"]})
        answer_activity(store, workshop_id, kept, "phone-1", {"choice": "0"})
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert [a["id"] for a in list_activities(store, workshop_id)] == [kept]
        assert "hat schon Antworten" in str(app.screen.query_one("#message").render())
