"""lib.bundle: an upload's zip of claims.yaml and sources/, refused with the file and why when it is not one."""
from __future__ import annotations

import io
import zipfile

import pytest

from lib.bundle import MAX_BUNDLE_BYTES, MAX_MEMBERS, Bundle, BundleError, claims_path, read_bundle, write_bundle

CLAIMS = "sources: []\nclaims: []\n"


def zipped(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    "data, name, expected",
    [
        (CLAIMS.encode(), "mine.yaml", Bundle(CLAIMS.encode(), {})),  # a bare YAML: no articles
        (zipped({"claims.yaml": CLAIMS.encode()}), "mine.zip", Bundle(CLAIMS.encode(), {})),
        (zipped({"claims.yaml": CLAIMS.encode(), "sources/": b"", "sources/a.txt": b"It lost $5 billion.\n",
                 "sources/b.html": "\ufeff<p>9억 3천만원</p>".encode()}), "mine.zip",
         Bundle(CLAIMS.encode(), {"a.txt": "It lost $5 billion.\n", "b.html": "<p>9억 3천만원</p>"})),
        (zipped({"claims.yaml": CLAIMS.encode()}), "named-oddly.yaml", Bundle(CLAIMS.encode(), {})),  # a zip by its bytes
    ],
    ids=["bare-yaml", "zip-without-articles", "zip-with-articles", "zip-by-content"],
)
def test_read_bundle(data, name, expected):
    assert read_bundle(data, name) == expected


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"PK\x03\x04 not really a zip", ["up.zip: not a readable zip file (File is not a zip file); zip claims.yaml and the "
                                          "sources/ folder again"]),
        (zipped({"sources/a.txt": b"text"}), ["up.zip: no claims.yaml at the top of the zip; put the claims file there, beside "
                                              "the sources/ folder of articles"]),
        (zipped({"claims.yaml": CLAIMS.encode(), "sources/../../etc/passwd": b"x"}),
         ["up.zip: sources/../../etc/passwd: a path that leaves the zip's folders (.., \\, a drive or a leading /); not read"]),
        (zipped({"claims.yaml": CLAIMS.encode(), "/etc/passwd": b"x"}),
         ["up.zip: /etc/passwd: a path that leaves the zip's folders (.., \\, a drive or a leading /); not read"]),
        (zipped({"claims.yaml": CLAIMS.encode(), "sources/deep/a.txt": b"x"}),
         ["up.zip: sources/deep/a.txt: not claims.yaml nor an article directly under sources/ with a plain file name (letters, "
          "digits, '.', '_', '-'); zip the files themselves, not the folder holding them"]),
        (zipped({"mine/claims.yaml": CLAIMS.encode()}),
         ["up.zip: no claims.yaml at the top of the zip; put the claims file there, beside the sources/ folder of articles",
          "up.zip: mine/claims.yaml: not claims.yaml nor an article directly under sources/ with a plain file name (letters, "
          "digits, '.', '_', '-'); zip the files themselves, not the folder holding them"]),
        (zipped({"claims.yaml": CLAIMS.encode(), "a.txt": b"x"}),
         ["up.zip: a.txt: only claims.yaml is read at the top of the zip; put articles under sources/ (and zip the files "
          "themselves, not the folder holding them)"]),
        (zipped({"claims.yaml": CLAIMS.encode(), "sources/a.txt": b"\x89PNG\r\n\x1a\n\x00\x00"}),
         ["up.zip: sources/a.txt: a binary file (it holds NUL bytes), not an article's text; save the article as text, "
          "Markdown or HTML"]),
        (zipped({"claims.yaml": CLAIMS.encode(), "sources/a.txt": "Ceci coûte".encode("latin-1")}),
         ["up.zip: sources/a.txt: not UTF-8 text (byte 0xfb at offset 7); save the article as UTF-8"]),
        (zipped({"claims.yaml": CLAIMS.encode(), "sources/a.txt": b" \n"}),
         ["up.zip: sources/a.txt: empty; the article's text is needed to check its quotes"]),
        (zipped({"claims.yaml": CLAIMS.encode(), **{f"sources/{i}.txt": b"x" for i in range(MAX_MEMBERS)}}),
         [f"up.zip: {MAX_MEMBERS + 1} files in the zip; at most {MAX_MEMBERS} are read"]),
        (zipped({"claims.yaml": CLAIMS.encode(), "sources/bomb.txt": b"0" * (MAX_BUNDLE_BYTES + 1)}),
         ["up.zip: 20.0 MB once unpacked; the limit is 20 MB (a claims file and its articles' texts take far less)"]),
    ],
    ids=["not-a-zip", "no-claims", "dot-dot", "absolute", "folder-in-sources", "zipped-folder", "article-at-top", "binary",
         "latin-1", "empty-article", "too-many-members", "zip-bomb"],
)
def test_a_bad_bundle_is_refused_naming_the_file_and_why(data, expected):
    with pytest.raises(BundleError) as caught:
        read_bundle(data, "up.zip")
    assert caught.value.problems == expected


def test_a_zip_bomb_is_refused_before_anything_is_unpacked():
    bomb = zipped({"claims.yaml": CLAIMS.encode(), "sources/bomb.txt": b"0" * (64 * 2**20)})
    assert len(bomb) < 100_000  # 64 MB of zeros packs into a few kilobytes
    with pytest.raises(BundleError, match=r"^up\.zip: 64\.0 MB once unpacked; the limit is 20 MB"):
        read_bundle(bomb, "up.zip")


def test_write_bundle_is_read_back():
    articles = {"a.txt": "It lost $5 billion.\n", "b.html": "<p>70만 달러(9억 3천만원)</p>"}
    assert read_bundle(write_bundle(CLAIMS, articles), "x.zip") == Bundle(CLAIMS.encode(), articles)


@pytest.mark.parametrize("data, name, expected", [
    (CLAIMS.encode(), "mine.yaml", "mine.yaml"),
    (zipped({"claims.yaml": CLAIMS.encode()}), "mine.zip", "mine.zip/claims.yaml"),
])
def test_claims_path_names_the_claims_file_as_problems_do(data, name, expected):
    assert claims_path(data, name) == expected
