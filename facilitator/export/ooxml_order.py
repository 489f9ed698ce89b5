"""Provides children of WordprocessingML property elements inserted in schema order.

Word refuses (or "repairs") a document whose `w:tblPr`, `w:tcPr`, `w:rPr` … lists its
children out of the order the ECMA-376 transitional schema (wml.xsd) prescribes;
LibreOffice does not mind, so the mistake stays invisible until a Word user opens the
file. Every property child the exporters add goes through `put_child`, which replaces
a child of the same name and inserts the new one before its first schema successor.
The sequences below are copied from wml.xsd (CT_TblPrBase, CT_TcPrBase, …).
"""

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_SEQUENCES: dict[str, list[str]] = {
    "tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
        "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
        "tblDescription tblPrChange"
    ).split(),
    "tcPr": (
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
        "vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"
    ).split(),
    "tcMar": "top start left bottom end right".split(),
    "tblCellMar": "top start left bottom end right".split(),
    "tblBorders": "top start left bottom end right insideH insideV".split(),
    "tcBorders": "top start left bottom end right insideH insideV tl2br tr2bl".split(),
    "rPr": (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
        "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
        "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
    ).split(),
    "pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
        "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
        "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
        "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ).split(),
}


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def put_child(parent, child):
    """Insert `child` into `parent` at its schema position, replacing one of the same name.

    Returns the child. A parent whose sequence is not listed here gets the child appended
    (trPr, for one, is an unordered choice in the schema).
    """
    name = _local(child.tag)
    for old in parent.findall(child.tag):
        parent.remove(old)
    sequence = _SEQUENCES.get(_local(parent.tag))
    if sequence is None or name not in sequence:
        parent.append(child)
        return child
    later = set(sequence[sequence.index(name) + 1 :])
    for index, sibling in enumerate(parent):
        if isinstance(sibling.tag, str) and _local(sibling.tag) in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def new_child(parent, name: str, **attributes: str):
    """Create `w:<name>` with `w:`-attributes and put it into `parent` in schema order."""
    element = OxmlElement(f"w:{name}")
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return put_child(parent, element)


def fix_zoom(document) -> None:
    """Give `w:zoom` the `w:percent` the schema requires (python-docx's template omits it)."""
    settings = document.settings.element
    for zoom in settings.findall(qn("w:zoom")):
        if zoom.get(qn("w:percent")) is None:
            zoom.set(qn("w:percent"), "100")
