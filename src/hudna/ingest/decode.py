"""Bytes to text, refusing what is not text: empty, binary, truncated or mis-encoded input.

UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are. Arabic in the legacy
Windows code page (cp1256) or ISO-8859-6 is detected and decoded; so is Western European text
in cp1252. Anything else that is not valid UTF-8 is refused with a hint to convert it.
"""

from __future__ import annotations

import codecs
import re

from hudna.errors import InputRejected

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office document"),
    (b"SQLite format 3\x00", "a SQLite database"),
)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTES = re.compile(rb"[\x80-\xff]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_ARABIC_COMMON = frozenset("اليمونة")
_LATIN_ACCENTED = re.compile("[\u00c0-\u017f]")
_MOJIBAKE = re.compile("[\u00d8\u00d9\u00da\u00db\u00c3\u00c2][\u0080-\u00bf\u0152-\u2122]")
_SNIFF = 8192

EMPTY_HINT = "the file has no text; remove it or check the export that produced it"
CONVERT_HINT = "convert it to UTF-8 (e.g. iconv -f SOURCE_ENCODING -t UTF-8) and ingest it again"


def refuse_binary(data: bytes) -> None:
    """Raise when the bytes are a known binary format or full of control bytes."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputRejected(
                f"binary file: {kind}, not text",
                hint="give hudna text, HTML, RSS/Atom, JSONL or CSV; extract the text first",
                code="binary",
            )
    head = data[:_SNIFF]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in head or len(_CONTROL_BYTES.findall(head)) > max(4, len(head) // 100):
        raise InputRejected(
            "binary data: the bytes contain NUL or control characters that text does not",
            hint="give hudna text, HTML, RSS/Atom, JSONL or CSV; extract the text first",
            code="binary",
        )


def decode_text(data: bytes) -> str:
    """Decode one item's bytes to text or raise `InputRejected` saying why and what to do."""
    if not data.strip():
        raise InputRejected(
            "empty input: no bytes or only whitespace", hint=EMPTY_HINT, code="empty"
        )
    refuse_binary(data)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return _decode_legacy(data, e)
    refuse_mojibake(text)
    return text


def _decode_utf16(data: bytes) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as e:
        raise InputRejected(
            f"mis-encoded UTF-16 at byte {e.start}", hint=CONVERT_HINT, code="mis-encoded"
        ) from e


def _decode_legacy(data: bytes, error: UnicodeDecodeError) -> str:
    if error.reason == "unexpected end of data" and error.start >= len(data) - 3:
        raise InputRejected(
            f"truncated: the input ends in the middle of a UTF-8 character (byte {error.start})",
            hint="the file was cut short (interrupted download or copy); fetch or copy it again",
            code="truncated",
        ) from error
    high = len(_HIGH_BYTES.findall(data))
    utf8_bytes = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    if utf8_bytes > 0.3 * high:
        raise InputRejected(
            f"mis-encoded: mostly UTF-8 but with invalid bytes (first at byte {error.start})",
            hint="the file mixes encodings or was damaged; re-export it as UTF-8",
            code="mis-encoded",
        ) from error
    for encoding, plausible in (("cp1256", _mostly_arabic), ("cp1252", _mostly_latin)):
        text = data.decode(encoding, errors="replace")
        if "\ufffd" not in text and plausible(text):
            return text
    raise InputRejected(
        f"mis-encoded: not UTF-8 (invalid byte at {error.start}) and not Arabic cp1256 text",
        hint=CONVERT_HINT,
        code="mis-encoded",
    ) from error


def _non_ascii(text: str) -> list[str]:
    return [c for c in text if ord(c) > 127 and not c.isspace()]


def _mostly_arabic(text: str) -> bool:
    """Arabic letters, in Arabic proportions: ا ل ي م و ن ة make up about half of the letters of
    Arabic text (0.46 at least on the bundled sample), a sixth of Cyrillic KOI8-R read as cp1256."""
    chars = _non_ascii(text)
    if not chars or sum(1 for c in chars if _ARABIC.match(c)) < 0.9 * len(chars):
        return False
    letters = _ARABIC_LETTER.findall(text)
    common = sum(1 for c in letters if c in _ARABIC_COMMON)
    return len(letters) < 20 or common >= 0.3 * len(letters)


def _mostly_latin(text: str) -> bool:
    chars = _non_ascii(text)
    accented = sum(1 for c in chars if _LATIN_ACCENTED.match(c))
    return bool(chars) and accented >= 0.9 * len(chars) and len(chars) < 0.2 * len(text)


def refuse_mojibake(text: str) -> None:
    """Raise when valid UTF-8 carries text that was once decoded with the wrong code page."""
    garbled = len(_MOJIBAKE.findall(text))
    if garbled >= 5 and garbled > len(_ARABIC.findall(text)):
        raise InputRejected(
            "mis-encoded: the text is UTF-8 that was decoded as Latin-1 and saved again "
            "(it reads like 'Ø§Ù„…')",
            hint="re-export the source as UTF-8, or repair it (e.g. ftfy) and ingest it again",
            code="mis-encoded",
        )
    if text.count("\ufffd") > max(3, len(text) // 200):
        raise InputRejected(
            "mis-encoded: the text is full of U+FFFD replacement characters (bytes lost earlier)",
            hint="go back to the original file; the characters cannot be recovered from this one",
            code="mis-encoded",
        )


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)


def decode_html(data: bytes) -> str:
    """An HTML page's text. Valid UTF-8 is UTF-8 whatever the page declares; otherwise the
    charset its `<meta>` declares (windows-1256, iso-8859-6, koi8-r, …) when that decodes
    cleanly; otherwise detected as for any text."""
    declared = _META_CHARSET.search(data[:4096])
    if declared is not None and data.strip():
        refuse_binary(data)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return data.decode(codecs.lookup(declared[1].decode("ascii")).name)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_text(data)
