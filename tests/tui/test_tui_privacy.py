"""The privacy notice in the app (issue 23.5): told at start, filled in on F6 with `p`."""

from pathlib import Path

import pytest
from textual.widgets import Input

from facilitator.privacy import notice_ready, notice_sections
from facilitator.tui.dialogs.privacy import PrivacyDialog


async def test_told_at_start_and_filled_in_from_the_app(
    app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "privacy.toml"
    monkeypatch.setenv("FACILITATOR_PRIVACY", str(path))
    told: list[str] = []
    shown = app.notify
    monkeypatch.setattr(app, "notify", lambda text, **kw: (told.append(text), shown(text, **kw)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("keine verantwortliche Stelle" in text for text in told)
        await pilot.press("f6", "p")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PrivacyDialog)
        await pilot.press("ctrl+s")  # German is required
        await pilot.pause()
        assert "fehlt" in str(dialog.query_one("#privacy-message").content)
        assert not path.exists()
        dialog.query_one("#privacy-controller-de", Input).value = "Landratsamt Esslingen"
        dialog.query_one("#privacy-contact-de", Input).value = "datenschutz@lra-es.example"
        dialog.query_one("#privacy-retention", Input).value = "180"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, PrivacyDialog)
        assert "gespeichert" in str(app.screen.query_one("#message").content)
    assert notice_ready()
    assert notice_sections("en")["controller"] == "Landratsamt Esslingen (German original)"
    assert "180 days" in notice_sections("en")["retention"]
