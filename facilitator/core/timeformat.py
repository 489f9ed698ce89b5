"""Provides stored timestamps as a reader expects them: local time, German or English format."""

from datetime import date, datetime


def local_time_text(stamp: str | None, lang: str = "de") -> str:
    """Return an ISO timestamp (any offset, or UTC "Z") as local time: "29.11.2026, 10:15 Uhr".

    A date without a time (a consent date from a CSV) stays a date: "01.11.2026".
    A text that is no timestamp is returned as it is (old data must still show).
    """
    if not stamp:
        return ""
    if len(stamp) == 10 and "T" not in stamp:
        try:
            day = date.fromisoformat(stamp)
        except ValueError:
            return stamp
        return day.isoformat() if lang == "en" else day.strftime("%d.%m.%Y")
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()  # the laptop's zone: what the moderators' clock shows
    if lang == "en":
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.strftime("%d.%m.%Y, %H:%M Uhr")
