"""A toy English as the reader sees it: a few words of the catalogue, and the words of
kinds, units and parts (`parser.languages.base.DISPLAY_NAMES`)."""

from __future__ import annotations

NAME = "English"
MESSAGES = {
    "home": "Home",
    "status_in_force": "in force",
    "count_acts": "{count} acts in all",
    "window_between": "between {earliest} and {latest}",
}
KIND_WORDS = {"order": "order", "law": "law", "decree": "decree"}
ACT_WORD = "act"
ACTION_WORDS = {"amended": "amended", "other": "changed"}
OPERATION_WORDS = {"delete": "delete"}
UNIT_WORDS = {"p": ("paragraph", "of paragraph"), "sp": ("subparagraph", "of subparagraph"), "app": ("appendix", "of appendix")}
PART_WORDS = {"title": "title", "preamble": "preamble"}
PROBLEM_KINDS = {"empty_file": "the file is empty"}
OTHER_PROBLEM = "another problem"
