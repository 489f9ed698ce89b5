"""Provides the activities' charts for documents: PNG bytes from matplotlib, greyscale-safe.

Same look as the fact sheet's charts (export/charts.py): object API, no display,
values as direct labels, so a photocopied protocol still reads.
"""

import io
from collections.abc import Callable
from typing import Any

from matplotlib.figure import Figure

from facilitator.export.charts import _RC, DPI, WIDTH_IN, _wrap, decimal_commas
from facilitator.locale import gettext

_GREYS = ["#ffffff", "#d0d0d0", "#a0a0a0", "#707070", "#404040"]


def _figure(rows: float) -> tuple[Figure, Any]:
    import matplotlib

    matplotlib.rcParams.update(_RC)
    fig = Figure(figsize=(WIDTH_IN, max(1.8, 0.9 + 0.34 * rows)), dpi=DPI, layout="constrained")
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_axisbelow(True)
    return fig, ax


def _bars(labels: list[str], values: list[int], xlabel: str) -> Figure:
    fig, ax = _figure(len(labels))
    bars = ax.barh(
        [_wrap(label, 40) for label in labels][::-1],
        values[::-1],
        height=0.6,
        color="#b0b0b0",
        edgecolor="black",
        linewidth=0.6,
    )
    ax.bar_label(bars, labels=[str(v) if v else "" for v in values[::-1]], padding=2, fontsize=8)
    ax.set_xlabel(xlabel)
    ax.xaxis.grid(True, color="#cccccc", linewidth=0.6)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


def _scale(found: dict[str, Any], lang: str) -> Figure:
    rows = found["statements"]
    fig, ax = _figure(len(rows) * 1.2 + 1)
    names = [_wrap(r["statement"], 30) for r in rows][::-1]
    left = [0.0] * len(rows)
    for value in range(5):
        shares = [100 * r["counts"][value] / (sum(r["counts"]) or 1) for r in rows[::-1]]
        ax.barh(
            names,
            shares,
            left=left,
            height=0.6,
            color=_GREYS[value],
            edgecolor="black",
            linewidth=0.6,
            hatch="///" if value == 0 else "",
            label=f"{value + 1} {found['labels'][value]}",
        )
        left = [a + b for a, b in zip(left, shares, strict=True)]
    for y, row in enumerate(rows[::-1]):
        mean = f"Ø {row['mean']:.1f}" if row["mean"] is not None else "–"
        ax.text(101, y, mean.replace(".", ",") if lang == "de" else mean, va="center", fontsize=8)
    ax.set_xlim(0, 112)
    ax.set_xlabel(gettext("Anteil der Antworten (%)", lang))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncols=3, fontsize=7, frameon=False)
    return fig


def _matrix(found: dict[str, Any]) -> Figure:
    fig, ax = _figure(10)
    placed = [e for e in found["entries"] if e["n"]]
    ax.scatter([e["x"] for e in placed], [e["y"] for e in placed], color="black", s=24)
    for e in placed:
        ax.annotate(_wrap(e["entry"], 24), (e["x"], e["y"]), xytext=(5, 4),
                    textcoords="offset points", fontsize=7)  # fmt: skip
    ax.set_xlim(0.8, 5.2)
    ax.set_ylim(0.8, 5.2)
    ax.axvline(3, color="#999999", linewidth=0.8, linestyle="--")
    ax.axhline(3, color="#999999", linewidth=0.8, linestyle="--")
    ax.set_xlabel(found["axes"][0])
    ax.set_ylabel(found["axes"][1])
    return fig


def _ratings_as_scale(found: dict[str, Any], lang: str) -> dict[str, Any]:
    """A set's ratings (Digital-Check) drawn like a scale: one bar per dimension."""
    statements = []
    for field in (f for f in found["fields"] if f["kind"] == "rating"):
        given = [r["values"].get(field["key"]) for r in found["rows"]]
        counts = [sum(1 for g in given if g == v) for v in range(1, 6)]
        label = field["en"] if lang == "en" else field["de"]
        statements.append(
            {"statement": label, "counts": counts, "mean": found["means"].get(field["key"])}
        )
    return {"statements": statements, "labels": ["", "", "", "", ""]}


def _choice(found: dict[str, Any], lang: str) -> Figure:
    options = found["options"]
    return _bars([o["option"] for o in options], [o["count"] for o in options], _count(lang))


def _dots(found: dict[str, Any], lang: str) -> Figure:
    top = found["entries"][:12]
    return _bars([e["text"] for e in top], [e["dots"] for e in top], gettext("Punkte", lang))


def _wordcloud(found: dict[str, Any], lang: str) -> Figure | None:
    top = found["words"][:15]
    if not top:
        return None
    return _bars([w["word"] for w in top], [w["count"] for w in top], _count(lang))


def _form(found: dict[str, Any], lang: str) -> Figure | None:
    if not any(f["kind"] == "rating" for f in found["fields"]):
        return None  # a form of free text has numbers for no chart
    return _scale(_ratings_as_scale(found, lang), lang)


def _count(lang: str) -> str:
    return gettext("Anzahl", lang)


# the chart of each activity type that has one (a Q&A has none)
_CHARTS: dict[str, Callable[[dict[str, Any], str], Figure | None]] = {
    "scale": _scale,
    "choice": _choice,
    "dots": _dots,
    "wordcloud": _wordcloud,
    "matrix": lambda found, _lang: _matrix(found),
    "form": _form,
}


def activity_chart(found: dict[str, Any], lang: str) -> bytes | None:
    """Return the chart of an activity's results as PNG, or None (no answers, Q&A)."""
    draw = _CHARTS.get(found["type"])
    fig = draw(found, lang) if draw is not None and found["answers"] else None
    if fig is None:
        return None
    decimal_commas(fig, lang)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
