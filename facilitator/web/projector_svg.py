"""Provides the projector's charts as server-rendered SVG: bars, word cloud, scales, 2×2, QR.

Every text in a chart came from a person: it goes through `render`, which escapes
it. Colours come from CSS classes, so the dark and the light theme share one SVG.
"""

from typing import Any

from facilitator.web.markup import Markup, join, render

WIDTH = 1600


def _short(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def bars(rows: list[tuple[str, int]], unit: str = "") -> Markup:
    """Return horizontal bars, each under its label: (label, count), the top 8 rows."""
    most = max((n for _, n in rows), default=0) or 1
    height = 104
    parts = []
    for i, (label, count) in enumerate(rows[:8]):
        y = i * height
        width = max(round(1380 * count / most), 4)
        parts.append(
            render(
                '<text class="label" x="0" y="{ty}">{label}</text>'
                '<rect class="bar" x="0" y="{y}" width="{w}" height="44" rx="6"/>'
                '<text class="value" x="{vx}" y="{vy}">{count}{unit}</text>',
                ty=y + 36,
                label=_short(label, 80),
                y=y + 48,
                w=width,
                vx=width + 16,
                vy=y + 84,
                count=count,
                unit=unit,
            )
        )
    return render(
        '<svg class="chart bars" viewBox="0 0 {w} {h}" role="img">{parts}</svg>',
        w=WIDTH,
        h=max(height, height * min(len(rows), 8)),
        parts=join(parts),
    )


def word_cloud(words: list[dict[str, Any]]) -> Markup:
    """Return the words laid out in rows, the most frequent largest (a simple flow layout)."""
    shown = words[:40]
    most = max((w["count"] for w in shown), default=1)
    x, y, row_height, parts = 0.0, 0.0, 0.0, []
    for i, word in enumerate(shown):
        size = 36 + 84 * (word["count"] / most) ** 0.7
        text = _short(word["word"], 40)
        width = size * 0.72 * len(text) + 48  # bold glyphs run wide: better a gap than overlap
        if x + width > WIDTH and x > 0:
            x, y, row_height = 0.0, y + row_height, 0.0
        row_height = max(row_height, size * 1.25)
        parts.append(
            render(
                '<text class="word c{c}" x="{x}" y="{y}" font-size="{s}">{t}'
                "<title>{n}</title></text>",
                c=i % 5,
                x=round(x),
                y=round(y + size),
                s=round(size),
                t=text,
                n=word["count"],
            )
        )
        x += width
    return render(
        '<svg class="chart cloud" viewBox="0 0 {w} {h}" role="img">{parts}</svg>',
        w=WIDTH,
        h=round(max(y + row_height, 100)),
        parts=join(parts),
    )


def scale_rows(statements: list[dict[str, Any]], labels: list[str]) -> Markup:
    """Return one stacked bar (shares of 1…5) per statement, with its mean and count."""
    row_height = 110
    parts = []
    for i, row in enumerate(statements[:8]):
        y = i * row_height
        total = sum(row["counts"]) or 1
        x = 620.0
        segments = []
        for value, count in enumerate(row["counts"], start=1):
            width = 760 * count / total
            if width:
                segments.append(
                    render(
                        '<rect class="s{v}" x="{x}" y="{y}" width="{w}" height="56">'
                        "<title>{v}: {n}</title></rect>",
                        v=value,
                        x=round(x, 1),
                        y=y + 30,
                        w=round(width, 1),
                        n=count,
                    )
                )
            x += width
        mean = f"Ø {row['mean']:.1f}".replace(".", ",") if row["mean"] is not None else "–"
        parts.append(
            render(
                '<text class="label" x="0" y="{ty}">{s}</text>{seg}'
                '<text class="value" x="1400" y="{ty}">{mean}</text>'
                '<text class="small" x="1400" y="{ny}">n = {n}</text>',
                ty=y + 68,
                ny=y + 100,
                s=_short(row["statement"], 34),
                seg=join(segments),
                mean=mean,
                n=row["n"],
            )
        )
    legend = join(
        render(
            '<rect class="s{v}" x="{x}" y="{y}" width="28" height="28"/>'
            '<text class="small" x="{tx}" y="{ty}">{v} {label}</text>',
            v=v,
            x=(v - 1) * 300,
            y=len(statements[:8]) * row_height + 20,
            tx=(v - 1) * 300 + 38,
            ty=len(statements[:8]) * row_height + 44,
            label=_short(label, 16),
        )
        for v, label in enumerate(labels, start=1)
    )
    return render(
        '<svg class="chart scale" viewBox="0 0 {w} {h}" role="img">{parts}{legend}</svg>',
        w=WIDTH,
        h=len(statements[:8]) * row_height + 70,
        parts=join(parts),
        legend=legend,
    )


def _label_lines(text: str, width: int = 24, lines: int = 2) -> list[str]:
    """Break a label at spaces into at most `lines` lines of about `width` characters."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = out[: lines - 1] + [_short(" ".join(out[lines - 1 :]), width)]
    return [_short(line, width + 4) for line in out] or [""]


def scatter(
    entries: list[dict[str, Any]], axes: list[str], quadrants: list[str] | None = None
) -> Markup:
    """Return the 2×2: each entry at its mean (x, y on 1…5), quadrants split at 3.

    `quadrants` names the four fields (top left, top right, bottom left, bottom
    right); labels wrap onto two lines rather than being cut at a fixed length.
    """
    size, pad = 760, 90

    def at(value: float, flip: bool) -> float:
        share = (value - 1) / 4
        return pad + size * (1 - share if flip else share)

    def point(i: int, e: dict[str, Any]) -> Markup:
        x, y = round(at(e["x"], False)), round(at(e["y"], True))
        lines = _label_lines(e["entry"])
        spans = join(
            render('<tspan x="{x}" dy="{dy}">{t}</tspan>', x=x + 32, dy=0 if n == 0 else 42, t=t)
            for n, t in enumerate(lines)
        )
        return render(
            '<circle class="dot c{c}" cx="{x}" cy="{y}" r="22"><title>{t}</title></circle>'
            '<text class="point" x="{lx}" y="{ly}">{spans}</text>',
            c=i % 5,
            x=x,
            y=y,
            lx=x + 32,
            ly=y + 13,
            t=e["entry"],
            spans=spans,
        )

    points = join(point(i, e) for i, e in enumerate(entries) if e["n"])
    names = Markup("")
    if quadrants and len(quadrants) == 4:
        # in the fields' outer corners, one line per axis: the middle stays free for points
        corners = (
            (pad + 14, pad + 40, "start"),
            (pad + size - 14, pad + 40, "end"),
            (pad + 14, pad + size - 52, "start"),
            (pad + size - 14, pad + size - 52, "end"),
        )
        names = join(
            render(
                '<text class="quadrant" x="{x}" y="{y}" text-anchor="{a}">{lines}</text>',
                x=x,
                y=y,
                a=anchor,
                lines=join(
                    render('<tspan x="{x}">{t}</tspan>', x=x, t=t)
                    if n == 0
                    else render('<tspan x="{x}" dy="34">{t}</tspan>', x=x, t=t)
                    for n, t in enumerate(_short(part, 24) for part in name.split(" · ")[:2])
                ),
            )
            for (x, y, anchor), name in zip(corners, quadrants, strict=True)
        )
    return render(
        '<svg class="chart matrix" viewBox="0 0 {w} {h}" role="img">'
        '<rect class="frame" x="{p}" y="{p}" width="{s}" height="{s}"/>'
        '<line class="axis" x1="{mid}" y1="{p}" x2="{mid}" y2="{end}"/>'
        '<line class="axis" x1="{p}" y1="{mid}" x2="{end}" y2="{mid}"/>'
        "{names}"
        '<text class="label" x="{p}" y="{xl}">{x} →</text>'
        '<text class="label" x="50" y="{end}" transform="rotate(-90 50 {end})">{y} →</text>'
        "{points}</svg>",
        w=size + 2 * pad + 700,
        h=size + 2 * pad + 40,
        p=pad,
        s=size,
        mid=pad + size // 2,
        end=pad + size,
        xl=pad + size + 60,
        x=axes[0],
        y=axes[1],
        names=names,
        points=points,
    )


def qr_svg(url: str) -> Markup:
    """Return the join URL's QR code as SVG (dark modules as one path, light background)."""
    import qrcode  # lazily: only the projector's idle view needs it

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(url)
    code.make(fit=True)
    matrix = code.get_matrix()
    path = "".join(
        f"M{x} {y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark
    )
    return render(
        '<svg class="qr" viewBox="0 0 {n} {n}" shape-rendering="crispEdges" role="img" '
        'aria-label="QR"><rect width="{n}" height="{n}" fill="#fff"/>'
        '<path d="{d}" fill="#000"/></svg>',
        n=len(matrix),
        d=path,
    )
