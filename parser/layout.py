"""What every source format's segmenter makes of a text: its lines, and the blocks
they form (one provision or one note each). A format reads its own layout into these
(`parser.formats`); `parser.document` builds the act from them whatever the format."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Problem, Repair


@dataclass
class Line:
    number: int  # 1-based line number in the source
    raw: str  # as in the source, with its line end
    text: str  # after line-level repairs, without the line end
    joined_heading: bool = False  # its heading number came from the line before ("1-" / "тарау.")

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))


@dataclass
class Block:
    """A run of lines from `start` to the next block: one provision or one note."""

    start: int  # index into the document's lines
    kind: str
    label: str | None = None
    role: str | None = None
    end: int = 0  # filled in by `close_blocks`
    status: str | None = None  # Provision.status: "excluded", "deferred", "suspending"


@dataclass
class Layout:
    name: str
    lines: list[Line]
    blocks: list[Block] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def close_blocks(layout: Layout) -> None:
    """Sort blocks by start and let each run to the next; the first takes leading blanks."""
    blocks = sorted(layout.blocks, key=lambda block: block.start)
    if not blocks and layout.lines:
        blocks = [Block(0, "other", role="unparsed")]  # nothing recognised: the lines still belong somewhere
    if blocks:
        blocks[0].start = 0
    for block, following in zip(blocks, blocks[1:] + [None]):
        block.end = following.start if following else len(layout.lines)
    layout.blocks = [block for block in blocks if block.end > block.start]
