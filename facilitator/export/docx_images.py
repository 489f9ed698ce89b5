"""Provides photos in Word files at the speed of 40 photos: adding them and saving the file.

python-docx hashes every image already in the package for each new one (quadratic
in the photos), scans the whole document for a free shape id per picture, and
deflates JPEGs on save although they do not compress. The protocol's photos are
unique by content hash already, so they are added as parts directly, and the package
is written with JPEGs stored as they are: a 40-photo protocol saves in a fraction.
The python-docx internals used here are the ones its own add_picture and save use.
"""

import zipfile
from pathlib import Path

from docx.document import Document as DocumentType
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml.shape import CT_Inline
from docx.parts.image import ImagePart
from docx.shared import Length

_FIRST_SHAPE_ID = 10_000  # above anything a template's drawings use


def add_picture(
    document: DocumentType, run, jpeg: bytes, width: Length, height: Length, number: int
) -> None:
    """Add `jpeg` (unique in this document) as an inline picture to `run`."""
    image = Image.from_blob(jpeg)
    parts = document.part.package.image_parts
    part = ImagePart.from_image(image, parts._next_image_partname(image.ext))
    parts.append(part)
    r_id = document.part.relate_to(part, RT.IMAGE)
    inline = CT_Inline.new_pic_inline(
        _FIRST_SHAPE_ID + number, r_id, f"foto{number + 1}.jpg", width, height
    )
    run._r.add_drawing(inline)


def save(document: DocumentType, path: Path) -> None:
    """Save the document like python-docx does, with media stored instead of deflated."""
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts).blob)
        archive.writestr(PACKAGE_URI.rels_uri.membername, package.rels.xml)
        for part in parts:
            media = part.partname.startswith("/word/media/")
            archive.writestr(
                part.partname.membername,
                part.blob,
                compress_type=zipfile.ZIP_STORED if media else zipfile.ZIP_DEFLATED,
            )
            if len(part.rels):
                archive.writestr(part.partname.rels_uri.membername, part.rels.xml)
