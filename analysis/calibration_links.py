"""Links from a scenario parameter to the section of docs/calibration.md that gives its source
and prior, for the report's assumption tables.

The sections are read from the document's own headings, so a renamed or added section is
followed without a change here: a platform's parameters go to the heading that names the
platform, reach parameters to the reach section, distributions to the priors section.
"""

import html
import os
import re
from pathlib import Path

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "calibration.md"

# Parameters of the reach of the organisation's posts: documented in the reach section.
REACH_KEYS = {"feed_reach", "link_share", "link_penalty", "discovery_reach", "engagement",
              "check_ins_per_day", "reshare_delay_hours", "fresh_share", "fresh_minutes",
              "notification_share", "notification_minutes"}


def slug(heading: str) -> str:
    """The anchor a Markdown renderer gives a heading (GitHub's rule: lower case, punctuation
    dropped, spaces to hyphens)."""
    kept = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return kept.replace(" ", "-")


def headings(text: str) -> list[str]:
    """The section headings of a Markdown text, in order."""
    return [line.lstrip("#").strip() for line in text.splitlines()
            if re.match(r"^#{2,4} ", line)]


class CalibrationLinks:
    """Where each parameter is documented, as links relative to the report's folder."""

    def __init__(self, folder: str, document: Path = DOCUMENT):
        self.href = None
        self.sections = []
        if document.is_file():
            self.href = os.path.relpath(document, folder).replace(os.sep, "/")
            self.sections = headings(document.read_text(encoding="utf-8"))

    def _first(self, pattern: str) -> str | None:
        for heading in self.sections:
            if re.search(pattern, heading, flags=re.IGNORECASE):
                return heading
        return None

    def section(self, key: str, value: str) -> str | None:
        """The heading of the section that documents `key` (written with `value`), or None."""
        parts = key.split(".")
        if value.startswith("{"):
            return self._first(r"^Priors\b")
        if parts[0] == "model":
            return self._first(r"^Model options")
        if parts[0] == "crisis":
            return self._first(r"^Crisis")
        if parts[0] == "audience":
            return self._first(r"^The whole audience")
        if parts[0] in ("events", "strategy"):
            return self._first(r"Strategy")
        if parts[0] == "platforms" and len(parts) == 3:
            if parts[2] in REACH_KEYS or parts[2].startswith("reshare"):
                return self._first(r"^Reach\b")
            return self._first(rf"(^|[\s,]){re.escape(parts[1])}($|[\s,])")
        return None

    def html(self, key: str, value: str) -> str:
        """A link to the section documenting `key`, or "" when there is none to link to."""
        heading = self.section(key, value) if self.href else None
        if heading is None:
            return ""
        title = html.escape(heading.replace("`", ""))
        target = html.escape(f"{self.href}#{slug(heading)}")
        return f'<a class="doc" href="{target}">docs/calibration.md: {title}</a>'
