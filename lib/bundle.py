"""An upload as a bundle: a claims file with the texts of its articles, so that its quotes can be checked.

A bundle is a zip holding `claims.yaml` and the articles as `sources/FILE` (FILE the name a source's `file`
gives); a bare claims YAML is a bundle with no articles (its quotes must then stand in the stored articles). The
zip is read with care: its size once unpacked and its number of members are bounded before anything is unpacked,
members are read only by name (never extracted to disk), and every article must be UTF-8 text.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lib.claims import FILE_NAME
from lib.i18n import _

CLAIMS_NAME = "claims.yaml"
ARTICLES_FOLDER = "sources"
MAX_BUNDLE_BYTES = 20 * 1024 * 1024  # every member unpacked: far more than a claims file and its articles need
MAX_MEMBERS = 500
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP = b"PK\x05\x06"


class BundleError(ValueError):
    """Every problem found in an uploaded bundle, one `NAME: why` line each (NAME: the upload, or the member)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Bundle:
    """A claims file's bytes and its articles' texts (file name -> text, as in the file)."""

    claims: bytes
    articles: dict[str, str]


def is_zip(data: bytes, name: str) -> bool:
    """Whether an upload is a zip: by its first bytes, or its name when it has none to tell by."""
    return data.startswith((ZIP_MAGIC, EMPTY_ZIP)) or name.lower().endswith(".zip")


def claims_path(data: bytes, name: str) -> str:
    """How problems with an upload's claims file name it: the upload itself, or NAME/claims.yaml in a zip."""
    return f"{name}/{CLAIMS_NAME}" if is_zip(data, name) else name


def read_bundle(data: bytes, name: str) -> Bundle:
    """The bundle an upload holds: a zip of claims.yaml and sources/FILE..., or a bare claims YAML (no articles).
    Raises BundleError naming the file and why: not a zip, too big unpacked, too many members, a member in a
    folder other than sources/ or with .., an article that is not UTF-8 text, no claims.yaml."""
    if not is_zip(data, name):
        return Bundle(data, {})
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as err:
        why = _("not a readable zip file ({error}); zip {claims} and the {folder}/ folder again").format(
            error=err, claims=CLAIMS_NAME, folder=ARTICLES_FOLDER)
        raise BundleError([f"{name}: {why}"]) from None
    _check_size(name, members)
    claims, articles, problems = None, {}, []
    for member in members:
        where = f"{name}: {member.filename}"
        kind = _kind(member)
        if kind == "folder":
            continue
        if kind is not None:
            problems.append(f"{where}: {kind}")
            continue
        if member.flag_bits & 0x1:
            problems.append(f"{where}: " + _("encrypted; zip it without a password"))
            continue
        try:
            content = archive.read(member)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as err:
            problems.append(f"{where}: " + _("cannot be unpacked ({error})").format(error=err))
            continue
        if member.filename == CLAIMS_NAME:
            claims = content
            continue
        text = _article_text(content)
        if isinstance(text, str):
            articles[member.filename[len(ARTICLES_FOLDER) + 1:]] = text
        else:
            problems.append(f"{where}: {text[0]}")
    if claims is None:
        why = _("no {claims} at the top of the zip; put the claims file there, beside the {folder}/ folder of articles")
        problems.insert(0, f"{name}: " + why.format(claims=CLAIMS_NAME, folder=ARTICLES_FOLDER))
    if problems:
        raise BundleError(problems)
    return Bundle(claims, articles)


def _check_size(name: str, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip with too many members or too many bytes once unpacked (a zip bomb) before unpacking any."""
    if len(members) > MAX_MEMBERS:
        why = _("{count} files in the zip; at most {limit} are read").format(count=len(members), limit=MAX_MEMBERS)
        raise BundleError([f"{name}: {why}"])
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_BUNDLE_BYTES:
        why = _("{size} MB once unpacked; the limit is {limit} MB (a claims file and its articles' texts take far less)").format(
            size=f"{unpacked / 2**20:.1f}", limit=MAX_BUNDLE_BYTES // 2**20)
        raise BundleError([f"{name}: {why}"])


def _kind(member: zipfile.ZipInfo) -> str | None:
    """Why a member is not read ('folder' for the sources/ folder's own entry), or None for claims.yaml or an
    article directly under sources/."""
    path = member.filename
    if path in (CLAIMS_NAME, f"{ARTICLES_FOLDER}/"):
        return "folder" if member.is_dir() else None
    parts = path.split("/")
    if "\\" in path or path.startswith("/") or ".." in parts or ":" in path:
        return _("a path that leaves the zip's folders (.., \\, a drive or a leading /); not read")
    if len(parts) == 2 and parts[0] == ARTICLES_FOLDER and FILE_NAME.match(parts[1]):
        return "folder" if member.is_dir() else None
    if len(parts) == 1:
        return _("only {claims} is read at the top of the zip; put articles under {folder}/ (and zip the files themselves, "
                 "not the folder holding them)").format(claims=CLAIMS_NAME, folder=ARTICLES_FOLDER)
    return _("not {claims} nor an article directly under {folder}/ with a plain file name (letters, digits, '.', '_', '-'); "
             "zip the files themselves, not the folder holding them").format(claims=CLAIMS_NAME, folder=ARTICLES_FOLDER)


def _article_text(content: bytes) -> str | tuple[str]:
    """An article's text (a UTF-8 byte-order mark left out), or (why it is refused,)."""
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    if b"\x00" in content:
        return (_("a binary file (it holds NUL bytes), not an article's text; save the article as text, Markdown or HTML"),)
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as err:
        return (_("not UTF-8 text (byte 0x{byte} at offset {offset}); save the article as UTF-8").format(
            byte=f"{content[err.start]:02x}", offset=err.start),)
    if not text.strip():
        return (_("empty; the article's text is needed to check its quotes"),)
    return text


def write_bundle(claims_yaml: str, articles: dict[str, str]) -> bytes:
    """A zip of claims.yaml and sources/FILE for each article, that read_bundle reads back."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(CLAIMS_NAME, claims_yaml.encode("utf-8"))
        for file, text in sorted(articles.items()):
            archive.writestr(f"{ARTICLES_FOLDER}/{file}", text.encode("utf-8"))
    return out.getvalue()
