"""Provides the fact sheet's charts: matplotlib, no display, readable in black and white.

Series differ by grey level and hatching, not by colour alone, and bars carry their
values as direct labels, so a photocopy still reads. Each chart is saved as PNG
(150 dpi, for Word) and SVG (for the web and print). Figures are built with the
object API (no pyplot), so nothing depends on a display or on global state.
"""

import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from facilitator.core.taxonomy import MEASURE_STATUSES, ORG_TYPES
from facilitator.export.factsheet_model import THEME_KINDS, FactSheet, kind_label, topic_label
from facilitator.export.files import write_atomic
from facilitator.locale import gettext, lazy

DPI = 150
WIDTH_IN = 6.3  # the text width of an A4 page with 2.5 cm margins
# (fill grey, hatch) per series: distinguishable on a greyscale printout.
STYLES = [("#ffffff", "///"), ("#b0b0b0", ""), ("#404040", ""), ("#e0e0e0", "..")]
_RC: dict[Any, Any] = {  # Any keys: matplotlib types rcParams' keys as literals
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "hatch.linewidth": 0.8,
    "svg.hashsalt": "f",
    "text.parse_math": False,  # labels are what people typed: "5$ bis 10$" is no formula
}

TITLES = {
    "org_types": lazy("Organisationen nach Typ"),
    "themes": lazy("Bedarfe, Treiber und Herausforderungen nach Themenfeld"),
    "measures": lazy("Maßnahmen nach Themenfeld und Stand"),
    "top_challenges": lazy("Meistbewertete Herausforderungen"),
}


@dataclass
class Chart:
    """One chart written to disk."""

    name: str
    title: str
    png: Path
    svg: Path


def _title(name: str, lang: str) -> str:
    return TITLES[name].text(lang)


def _figure(rows: float) -> tuple[Figure, Any]:
    import matplotlib

    matplotlib.rcParams.update(_RC)
    fig = Figure(figsize=(WIDTH_IN, max(1.6, 0.9 + 0.32 * rows)), dpi=DPI, layout="constrained")
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    ax.xaxis.grid(True, color="#cccccc", linewidth=0.6)
    ax.set_axisbelow(True)
    return fig, ax


def _label_bars(ax, bars) -> None:
    labels = [f"{int(b.get_width())}" if b.get_width() else "" for b in bars]
    ax.bar_label(bars, labels=labels, padding=2, fontsize=8, label_type="edge")


def axis_number(value: float, lang: str) -> str:
    """A tick value as the reader writes it: "2" not "2.0", and "2,5" in German."""
    text = f"{value:.6g}"
    return text.replace(".", ",") if lang == "de" else text


def decimal_commas(fig: Figure, lang: str) -> None:
    """Give every numeric axis of `fig` the reader's numbers (tables print "2,0", so do axes).

    Axes with their own labels (topics, entries: a FixedFormatter) keep them.
    """
    from matplotlib.ticker import FuncFormatter, ScalarFormatter

    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if isinstance(axis.get_major_formatter(), ScalarFormatter):
                axis.set_major_formatter(FuncFormatter(lambda v, _pos: axis_number(v, lang)))


def _save(
    fig: Figure,
    directory: Path,
    stem: str,
    name: str,
    title: str,
    svg: bool = True,
    *,
    lang: str,
) -> Chart:
    decimal_commas(fig, lang)
    png_path, svg_path = directory / f"{stem}-{name}.png", directory / f"{stem}-{name}.svg"
    write_atomic(png_path, lambda tmp: fig.savefig(tmp, format="png", dpi=DPI))
    if svg:
        # The layout is settled by the first save; redoing it costs half a chart's time.
        fig.set_layout_engine("none")
        write_atomic(svg_path, lambda tmp: fig.savefig(tmp, format="svg", metadata={"Date": None}))
    return Chart(name, title, png_path, svg_path)


def _wrap(text: str, width: int = 34, lines: int = 4) -> str:
    """A label in lines of `width` characters; a longer one ends with "…", never mid-word."""
    wrapped = textwrap.wrap(text, width)
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1].rstrip(" ,;:–-") + " …"
    return "\n".join(wrapped) or text


def org_types_chart(
    sheet: FactSheet, lang: str, directory: Path, stem: str, svg: bool = True
) -> Chart:
    """Horizontal bars: organisations per type."""
    kinds = [k for k in ORG_TYPES if sheet.orgs_by_type.get(k)][::-1]
    fig, ax = _figure(len(kinds))
    bars = ax.barh(
        [ORG_TYPES[k].get(lang) for k in kinds],
        [sheet.orgs_by_type[k] for k in kinds],
        height=0.6,
        color="#b0b0b0",
        edgecolor="black",
        linewidth=0.6,
    )
    _label_bars(ax, bars)
    ax.set_xlabel(gettext("Anzahl", lang))
    ax.xaxis.get_major_locator().set_params(integer=True)
    return _save(fig, directory, stem, "org_types", _title("org_types", lang), svg, lang=lang)


def themes_chart(
    sheet: FactSheet, lang: str, directory: Path, stem: str, svg: bool = True
) -> Chart:
    """Grouped horizontal bars: needs, drivers, challenges per topic field."""
    topics = [t for t in sheet.topics_used if any(sheet.themes[k].get(t) for k in THEME_KINDS)]
    topics = topics[::-1]
    fig, ax = _figure(len(topics) * 1.6)
    height = 0.8 / len(THEME_KINDS)
    for n, kind in enumerate(THEME_KINDS):
        fill, hatch = STYLES[n]
        positions = [i + (1 - n) * height for i in range(len(topics))]
        bars = ax.barh(
            positions,
            [sheet.themes[kind].get(t, 0) for t in topics],
            height=height,
            color=fill,
            hatch=hatch,
            edgecolor="black",
            linewidth=0.6,
            label=kind_label(kind, lang),
        )
        _label_bars(ax, bars)
    ax.set_yticks(range(len(topics)), [_wrap(topic_label(t, lang), 28) for t in topics])
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=3, frameon=False, fontsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return _save(fig, directory, stem, "themes", _title("themes", lang), svg, lang=lang)


def measures_chart(
    sheet: FactSheet, lang: str, directory: Path, stem: str, svg: bool = True
) -> Chart:
    """Stacked horizontal bars: measures per topic field, split by status."""
    topics = [t for t in sheet.topics_used if t in sheet.measures][::-1]
    fig, ax = _figure(len(topics) + 1)
    left = [0] * len(topics)
    for n, status in enumerate(MEASURE_STATUSES):
        fill, hatch = STYLES[n]
        values = [sheet.measures[t].get(status, 0) for t in topics]
        bars = ax.barh(
            [_wrap(topic_label(t, lang), 28) for t in topics],
            values,
            left=left,
            color=fill,
            hatch=hatch,
            edgecolor="black",
            linewidth=0.6,
            label=MEASURE_STATUSES[status].get(lang),
        )
        # Numbers inside the segments, white on the dark grey, boxed on hatching.
        labels = [str(v) if v else "" for v in values]
        ax.bar_label(
            bars,
            labels=labels,
            label_type="center",
            fontsize=8,
            color="white" if fill == "#404040" else "black",
            bbox=None if not hatch else {"boxstyle": "round,pad=0.15", "fc": "white", "lw": 0},
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, frameon=False, fontsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return _save(fig, directory, stem, "measures", _title("measures", lang), svg, lang=lang)


def top_challenges_chart(
    sheet: FactSheet, lang: str, directory: Path, stem: str, svg: bool = True
) -> Chart:
    """Horizontal bars: the most-voted challenges with their dots."""
    items = sheet.top_challenges[::-1]
    fig, ax = _figure(len(items) * 1.2)
    # Numeric positions: the same challenge from two workshops must stay two bars.
    bars = ax.barh(
        range(len(items)),
        [c.votes for c, _ in items],
        color="#e0e0e0",
        hatch="..",
        edgecolor="black",
        linewidth=0.6,
    )
    _label_bars(ax, bars)
    ax.set_yticks(range(len(items)), [_wrap(f"{c.text} ({title})", 44) for c, title in items])
    ax.set_xlabel(gettext("Punkte", lang))
    ax.xaxis.get_major_locator().set_params(integer=True)
    return _save(
        fig, directory, stem, "top_challenges", _title("top_challenges", lang), svg, lang=lang
    )


def render_charts(
    sheet: FactSheet, lang: str, directory: Path, stem: str, *, svg: bool = True
) -> list[Chart]:
    """Draw every chart that has data (PNG, and SVG unless `svg` is False), in order."""
    wanted = [
        (bool(sheet.orgs_by_type), org_types_chart),
        (any(sheet.themes.values()), themes_chart),
        (bool(sheet.measures), measures_chart),
        (bool(sheet.top_challenges), top_challenges_chart),
    ]
    return [draw(sheet, lang, directory, stem, svg) for present, draw in wanted if present]
