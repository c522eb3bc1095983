"""axe-core, the accessibility engine, fetched once from the npm registry at a pinned version and
checked against the registry's published sha512 before use. Cached in .cache/ (git-ignored).

``audit(page)`` runs it in a Playwright page and returns the violations.
"""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile
import urllib.request
from pathlib import Path
from typing import Any

VERSION = "4.14.1"
TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
CACHE = Path(__file__).resolve().parent.parent / ".cache" / f"axe-core-{VERSION}.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def script() -> str:
    """axe.min.js, from the cache or the registry (verified)."""
    if not CACHE.exists():
        with urllib.request.urlopen(TARBALL, timeout=60) as response:  # the npm registry; pinned and hashed below
            data = response.read()
        algorithm, _, expected = INTEGRITY.partition("-")
        digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
        if digest != expected:
            raise RuntimeError(f"axe-core {VERSION} from the registry does not match its published {algorithm}")
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            member = archive.extractfile("package/axe.min.js")
            if member is None:
                raise RuntimeError("axe-core's tarball has no package/axe.min.js")
            text = member.read().decode("utf-8")
        CACHE.parent.mkdir(exist_ok=True)
        CACHE.write_text(text, encoding="utf-8")
    return CACHE.read_text(encoding="utf-8")


def audit(page: Any) -> list[dict[str, Any]]:
    """The violations axe finds on the page as it is now (WCAG 2.2 A and AA, and best practice)."""
    page.add_script_tag(content=script())
    result: dict[str, Any] = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        TAGS,
    )
    return list(result["violations"])
