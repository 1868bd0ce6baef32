"""The Kazakh stemmer of full-text search (`db.search`): a light suffix stripper.

Kazakh words are a stem followed by a chain of suffixes: plural, possessive, case
(`бұйрық-тар-ы-мен`, `тармағ-ы-ның`), and on verbs voice, tense and participle
(`бекіт-іл-ген`, `жүргіз-іл-еді`). The stemmer cuts the longest suffix that fits from
the end of a word, again and again, and then undoes the final-consonant alternation.
It is deliberately light: it only needs to give a word and its inflected forms the
same stem, and search adds a prefix match on top. Derivational suffixes (-лық, -шы,
-ша) are not cut, so `медициналық` and `тармақша` keep their own meaning.

Each entry is (suffix, what must come before it): "" anything, "V" a vowel, "C" a
consonant, or a string of letters one of which must come before it. The guards stop a
suffix from being cut out of a stem: `сы` only after a vowel (`қаулы-сы`, not
`кодек-сі`), `н` only after the possessive ы/і (`ереже-сі-н`).
"""

from __future__ import annotations

import re

#: Vowels, as the guards above see them (у and й count as consonants).
STEM_VOWELS = "аәеиоөұүыіэюяё"

#: A word is never cut shorter than this many letters.
STEM_MIN_LENGTH = 3

STEM_SUFFIXES = (
    # case endings
    ("ның", ""), ("нің", ""), ("дың", "C"), ("дің", "C"), ("тың", "C"), ("тің", "C"),  # genitive: of
    ("ға", ""), ("ге", ""), ("қа", "C"), ("ке", "C"), ("на", "ыі"), ("не", "ыі"),  # dative: to
    ("ны", "V"), ("ні", "V"), ("ды", "C"), ("ді", "C"), ("ты", "C"), ("ті", "C"), ("н", "ыі"),  # accusative
    ("да", ""), ("де", ""), ("та", "C"), ("те", "C"), ("нда", "ыі"), ("нде", "ыі"),  # locative: in
    ("дан", ""), ("ден", ""), ("тан", "C"), ("тен", "C"), ("нан", ""), ("нен", ""),  # ablative: from
    ("мен", ""), ("бен", ""), ("пен", ""), ("менен", ""),  # instrumental: with, by
    ("дағы", ""), ("дегі", ""), ("тағы", "C"), ("тегі", "C"), ("ндағы", "ыі"), ("ндегі", "ыі"),  # of (place, date)
    ("ғы", "C"), ("гі", "C"), ("қы", "C"), ("кі", "C"),  # of (time): жыл-ғы, бұрын-ғы, кейін-гі
    # possessive of the third person: its
    ("ы", "C"), ("і", "C"), ("сы", "V"), ("сі", "V"),
    # plural
    ("лар", ""), ("лер", ""), ("дар", ""), ("дер", ""), ("тар", ""), ("тер", ""),
    # verbs: passive, tense and participle, the verbal noun (бекіт-у, бекіт-іл-ген, бекіт-іл-сін)
    ("ыл", "C"), ("іл", "C"),
    ("ады", "C"), ("еді", "C"), ("йды", "V"), ("йді", "V"),
    ("ған", ""), ("ген", ""), ("қан", "C"), ("кен", "C"),
    ("атын", "C"), ("етін", "C"), ("йтын", "V"), ("йтін", "V"),
    ("сын", ""), ("сін", ""),
    ("у", "C"),
)

#: Stem-final consonants voiced before a vowel (`тармақ` -> `тармағы`): the stemmer
#: writes a stem's last letter in its unvoiced form, so both spellings meet.
STEM_FINAL_ALTERNATION = {"ғ": "қ", "г": "к", "б": "п"}

#: Words the stemmer leaves whole although they end like a suffix (`Қазақс-тан`).
STEM_KEEP = ("қазақстан",)

#: Suffixes longest first, so `ның` is cut before `ы`, `дағы` before `ғы`.
_SUFFIXES = sorted(STEM_SUFFIXES, key=lambda entry: len(entry[0]), reverse=True)

_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]")


def _guard_ok(guard: str, letter: str) -> bool:
    """Whether `letter`, just before a suffix, allows cutting it (see STEM_SUFFIXES)."""
    if guard == "":
        return True
    if guard == "V":
        return letter in STEM_VOWELS
    if guard == "C":
        return letter.isalpha() and letter not in STEM_VOWELS
    return letter in guard


def stem(word: str) -> str:
    """The stem of one folded (lower-case) word.

    Cut the longest suffix of `STEM_SUFFIXES` whose guard allows it, as long as at least
    `STEM_MIN_LENGTH` letters, one of them a vowel, remain; repeat; then write a final
    ғ/г/б as қ/к/п. Numbers and words of other scripts are returned as they are.

    >>> stem("бұйрығымен"), stem("тармағының"), stem("қаулысымен"), stem("ережелерге")
    ('бұйрық', 'тармақ', 'қаул', 'ереже')
    """
    if not _CYRILLIC.search(word):
        return word
    floor = STEM_MIN_LENGTH
    for kept in STEM_KEEP:
        if word.startswith(kept):
            floor = max(floor, len(kept))
    changed = True
    while changed:
        changed = False
        for suffix, guard in _SUFFIXES:
            rest = len(word) - len(suffix)
            if (
                rest >= floor
                and word.endswith(suffix)
                and _guard_ok(guard, word[rest - 1])
                and any(letter in STEM_VOWELS for letter in word[:rest])
            ):
                word = word[:rest]
                changed = True
                break
    last = word[-1]
    if last in STEM_FINAL_ALTERNATION:
        word = word[:-1] + STEM_FINAL_ALTERNATION[last]
    return word


#: The accusative/possessive letter a stem may end in: `кешені` read as кеше + ні.
STEM_POSSESSIVE_N = "н"


def alternative(term: str) -> str | None:
    """A second, exact stem a term may have in the index. The accusative ны/ні and the
    possessive ы/і after н are spelt alike in Kazakh, so `кешені` (кешен + і) is read as
    кеше + ні: a stem ending in a vowel and н also looks for itself without the н."""
    if len(term) > STEM_MIN_LENGTH and term[-1] == STEM_POSSESSIVE_N and term[-2] in STEM_VOWELS and term not in STEM_KEEP:
        return term[:-1]
    return None
