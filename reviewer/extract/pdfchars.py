"""pdfplumber's page objects, with characters converted on a fast path.

pdfplumber turns every pdfminer `LTChar` into a dict by running a generic, recursive resolver
over each of its ~17 attributes and by decoding the colour-space name character by character,
for every character of the page. That conversion is most of the time of a text PDF's
extraction. For an `LTChar` whose attributes are plain values (numbers, strings, a matrix of
numbers: what pdfminer produces) the resolver changes nothing, so `FastPage` builds the same dict
directly and decodes each colour-space name once per page. Anything unusual (a PDF reference or
a container where a plain value is expected) falls back to pdfplumber's own code.

tests/test_pdfchars.py checks that the dicts are equal to pdfplumber's on every test PDF.
Written against pdfplumber 0.11.10 (pinned in pyproject.toml); re-run that test when upgrading.
"""

from __future__ import annotations

from unicodedata import normalize

from pdfminer.layout import LTChar
from pdfplumber.page import Page, fix_fontname_bytes
from pdfplumber.utils import resolve_and_decode

# LTChar attributes pdfplumber copies (its ALL_ATTRS restricted to those an LTChar has).
_CHAR_ATTRS = ("matrix", "fontname", "adv", "upright", "x0", "y0", "x1", "y1", "width", "height", "size",
               "mcid", "tag")
_FROM_FILE = ("fontname", "mcid", "tag")  # values read from the file, which could be references
_PLAIN = (int, float, str, bool, type(None))


class FastPage(Page):
    """A pdfplumber page whose characters are converted without the generic resolver."""

    def process_object(self, obj):
        if type(obj) is not LTChar:
            return super().process_object(obj)
        d = obj.__dict__
        for k in _FROM_FILE:  # geometry is pdfminer's arithmetic: always numbers
            if k in d and not isinstance(d[k], _PLAIN) and not (k == "fontname" and isinstance(d[k], bytes)):
                return super().process_object(obj)
        attr = {k: d[k] for k in _CHAR_ATTRS if k in d}
        attr["object_type"] = "char"
        attr["page_number"] = self.page_number
        ncs = d.get("ncs")
        if ncs is not None:
            name = ncs.name
            names = self.__dict__.setdefault("_cs_names", {})
            try:
                attr["ncs"] = names[name]
            except KeyError:
                attr["ncs"] = names[name] = resolve_and_decode(name)
            except TypeError:  # an unhashable name: decode it the usual way
                attr["ncs"] = resolve_and_decode(name)
        text = obj.get_text()
        norm = self.pdf.unicode_norm
        attr["text"] = normalize(norm, text) if norm is not None else text
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if isinstance(attr.get("fontname"), bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        mb_x0, mb_top = self.mediabox[:2]
        if "y0" in attr:
            attr["top"] = (self.height - attr["y1"]) + mb_top
            attr["bottom"] = (self.height - attr["y0"]) + mb_top
            attr["doctop"] = self.initial_doctop + attr["top"]
        if "x0" in attr and mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr


def fast(page: Page) -> Page:
    """The same page object, converting characters on the fast path."""
    if type(page) is Page:
        page.__class__ = FastPage
    return page
