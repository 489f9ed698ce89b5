"""Activities in the protocol: under their block, a chart picture and the numbers as a table."""

from docx import Document

from facilitator.export.protocol import write_protocol
from facilitator.store.activities import answer_activity, ask_question, start_activity
from facilitator.store.agenda import list_items


def test_protocol_reads_back_each_activity_under_its_block(store, workshop_id, tmp_path) -> None:
    item = list_items(store, workshop_id)[1]
    scale = start_activity(
        store,
        workshop_id,
        "scale",
        "Wie zufrieden sind Sie?",
        {"statements": ["Inhalte", "Organisation"]},
        agenda_item_id=item.id,
    )
    answer_activity(store, workshop_id, scale, "phone-aaaa", {"s0": "5", "s1": "4"})
    answer_activity(store, workshop_id, scale, "phone-bbbb", {"s0": "4", "s1": ""})
    qa = start_activity(store, workshop_id, "questions", "Ihre Fragen", agenda_item_id=item.id)
    ask_question(store, workshop_id, qa, "phone-aaaa", "Wer <b>zahlt</b>?", "q1")
    path = write_protocol(store, workshop_id, tmp_path / "p.docx", cards={})
    document = Document(str(path))
    heads = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Head")]
    assert ("Heading 2", f"Aktivität im Raum: {item.title}") in heads
    assert ("Heading 3", "Skala: Wie zufrieden sind Sie?") in heads
    assert ("Heading 3", "Fragen: Ihre Fragen") in heads
    assert len(document.inline_shapes) == 1  # the scale's chart; the Q&A is a table only
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["Inhalte", "0", "0", "0", "1", "1", "2", "4,5"] in cells
    assert ["Organisation", "0", "0", "0", "1", "0", "1", "4,0"] in cells
    assert ["Wer <b>zahlt</b>?", "0", ""] in cells  # typed text stays text
    markdown = write_protocol(store, workshop_id, tmp_path / "p.md", fmt="md", cards={})
    text = markdown.read_text(encoding="utf-8")
    assert "| Inhalte | 0 | 0 | 0 | 1 | 1 | 2 | 4,5 |" in text


def test_qa_counts_questions_askers_and_votes_and_the_fact_sheet_names_the_top_one(
    store, workshop_id, tmp_path
) -> None:
    from facilitator.export.factsheet_activities import key_figure
    from facilitator.store.activities import mark_question, results, upvote_question

    qa = start_activity(store, workshop_id, "questions", "Ihre Fragen")
    asked = [("phone-aaaa", "Wer zahlt?"), ("phone-aaaa", "Wann geht es los?")]
    asked += [("phone-bbbb", "Wer hostet?"), ("phone-cccc", "Gibt es Förderung?")]
    for number, (phone, text) in enumerate(asked):
        ask_question(store, workshop_id, qa, phone, text, f"q{number}")
    # four phones upvote "Wer hostet?", one upvotes "Wer zahlt?"; the top one is answered
    for phone in ("phone-dddd", "phone-eeee", "phone-ffff", "phone-aaaa"):
        upvote_question(store, workshop_id, qa, phone, "q2")
    upvote_question(store, workshop_id, qa, "phone-bbbb", "q0")
    mark_question(store, "q2", answered=True)
    path = write_protocol(store, workshop_id, tmp_path / "p.docx", cards={})
    texts = [p.text for p in Document(str(path)).paragraphs]
    assert "4 Fragen von 3 Telefonen, 5 Stimmen." in texts
    assert not any("Antworten von Telefonen" in text for text in texts)
    assert key_figure(results(store, qa), "de") == "Wer hostet? (4)"
    one = start_activity(store, workshop_id, "questions", "Noch Fragen?")
    ask_question(store, workshop_id, one, "phone-aaaa", "Pause?", "q9")
    english = write_protocol(store, workshop_id, tmp_path / "e.docx", cards={}, lang="en")
    texts = [p.text for p in Document(str(english)).paragraphs]
    assert "1 question from one phone, 0 votes." in texts


def test_an_aborted_activity_prints_no_page_of_zeros(store, workshop_id, tmp_path) -> None:
    from facilitator.store.activities import stop_activity
    from facilitator.store.captures import add_capture

    item = list_items(store, workshop_id)[1]
    entries = [add_capture(store, workshop_id, "need", f"Bedarf {n}") for n in range(40)]
    aborted = start_activity(
        store, workshop_id, "dots", "Abgebrochen", {"ballot": entries}, agenda_item_id=item.id
    )
    stop_activity(store, aborted)
    path = write_protocol(store, workshop_id, tmp_path / "p.docx", cards={})
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert not any("Abgebrochen" in t for t in texts)
    assert not any(row.cells[0].text == "Bedarf 7" for t in document.tables for row in t.rows)
