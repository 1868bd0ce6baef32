"""What reading corpus-bank's files by hand found, per file: written into
`tests/data/corpus_bank_counts.json` beside the counter's output (``hand_check``).

Every file was read in full against the counter's listing
(``python tests/corpus_bank_counter.py --listing``). ``checked`` says the counts were
confirmed line by line; ``decisions`` record how a doubtful line was counted and why;
``not_notes`` are lines that look like notes and are not.
"""

from __future__ import annotations

HAND_CHECK: dict[str, dict] = {
    "4051-posobie-gornye-raboty/rus.md": {
        "checked": "articles 1, 2, 3, 4, 5, 5-1, 5-2, 6, 7, 8 (8 as a bold paragraph); chapters 1-3; 10 notes",
        "decisions": [
            "line 3 repeats the title as a plain paragraph: not a unit of any article, not counted",
            "line 7 is the preamble (its note is line 9): not inside an article, not an абзац",
            "lines 55, 57, 61, 63 (мужчины/женщины), 79, 87 are абзацы inside parts of articles 4 and 5: counted as абзацы",
            "notes 97 and 119 stand directly under the headings of the inserted articles 5-1 and 5-2",
            "note 71 says «Статья в редакции» without the article's number: it is article 4's (printed after it)",
        ],
    },
    "4051-posobie-gornye-raboty/kaz.md": {
        "checked": "articles 1-8 with 5-1, 5-2 (5, 5-1, 5-2, 6, 7, 8 as bold paragraphs); chapters 1-3; 10 notes",
        "decisions": [
            "the note on the title (line 3) stands directly under the # title; the Kazakh text has no repeated title",
            "line 93 heading of 5-1 ends with a colon («… бас тарту:**»): still an article heading",
        ],
    },
    "4570-prozhitochnyi-minimum/rus.md": {
        "checked": "articles 1-7; 6 notes, 4 of them indented under a list (line 19 by 6 spaces, 37, 51, 63 by 3)",
        "decisions": [
            "line 35 ends with the marker «<*>» (the point was amended): part of point 4's text, not a note",
            "line 11 ends with the inline reference code «V053980»: text, not a unit",
        ],
    },
    "4570-prozhitochnyi-minimum/kaz.md": {
        "checked": "articles 1-7; 6 notes (33 indented by 6 spaces, 51, 65, 77 by 3)",
        "decisions": [
            "lines 1-13 list the article headings («1-бап . …») before the # title (line 15): a table of contents,"
            " not articles and not the title; the counter starts after the title",
        ],
    },
    "104446-vvedenie-ugolovnogo-kodeksa-1997/rus.md": {
        "checked": "articles 1-9, each article's first paragraph is its ## heading; 2 notes",
        "decisions": [
            "articles 2 and 3 go on in plain paragraphs (lines 11, 13, 19): 3 абзацы",
            "notes 25 and 47 follow an article whose whole first paragraph is its heading: placement 'under_heading'",
        ],
        "not_notes": [
            {"line": 41, "text": "«в пункте 4 Примечания к статье 175 Уголовного кодекса»: the Code's note to art. 175, named in the text"},
        ],
    },
    "104446-vvedenie-ugolovnogo-kodeksa-1997/kaz.md": {
        "checked": "articles 1-9; 2 notes",
        "decisions": ["note 25 lists four amending laws separated by commas: «2000.05.05 N 47, 2002.10.30 N 349, 2003.12.31 N 514, 2009.12.10 N 228-IV»"],
        "not_notes": [
            {"line": 41, "text": "«175-бабына Ескертудiң 4-тармағында»: the Code's note to art. 175, named in the text; not a note of this law"},
        ],
    },
    "33276-vvedenie-trudovogo-kodeksa-2007/rus.md": {
        "checked": "articles 1-3 (## headings holding the first paragraph); subpoints 1)-7) of article 2; no Сноска",
        "decisions": [
            "lines 3+5 «Примечание РЦПИ!» + «Утрачивает силу Кодексом РК от 23.11.2015 № 414-V (вводится в действие с 01.01.2016).»:"
            " an editorial remark (pending repeal), counted apart, not a note and not law text",
        ],
    },
    "33276-vvedenie-trudovogo-kodeksa-2007/kaz.md": {
        "checked": "articles 1-3 (headings «## 1-бап . …» with a space before the dot); subpoints 1)-7); no Ескерту",
        "decisions": [
            "lines 3+5 «РҚАО-ның ескертпесі!» + «Заңның күшін жою көзделген көзделген - ҚР 23.11.2015 № 414-V Кодексімен"
            " (01.01.2016 бастап қолданысқа енгізіледі).»: editorial remark, counted apart",
            "line 25 «   409-құжат);» is the end of subpoint 5) (line 23) split off by the source into its own paragraph;"
            " counted as an абзац of article 2 because it is a paragraph of its own (the Russian text has it inside 5))",
        ],
    },
    "4013-izmeneniia-zakon-okhrana-zdorovia/rus.md": {
        "checked": "points 1 and 2; no articles, no notes",
        "decisions": [
            "lines 7 («статью 34 дополнить частью шестой следующего содержания:»), 9 (the quoted new part) and 11"
            " («статью 35, 36, 37 исключить.») belong to point 1: the decree's two operative instructions",
            "point 2 (line 13) is the decree's commencement: from 1 January 1996",
        ],
    },
    "4013-izmeneniia-zakon-okhrana-zdorovia/kaz.md": {
        "checked": "points 1 and 2; no articles, no notes",
        "decisions": [
            "line 5 holds point 1 whole: the act amended, «34-бап мынадай мазмұндағы алтыншы бөлiкпен толықтырылсын: \"…\";»"
            " and «35, 36, 37-баптар алынып тасталсын.»: the same two instructions as in Russian",
        ],
    },
    "160919-garantirovannyi-transfert-2022-2024/rus.md": {
        "checked": "articles 1 (a plain paragraph «Статья 1. …», no anchor) and 2 (bold); 1 note",
        "decisions": [
            "line 3 «> *Вводится в действие с 01.01.2022 в соответствии с пунктом 1 статьи 2 настоящего Закона.*» is a note"
            " without the word «Сноска», under the title",
            "lines 9, 11, 13 (the three yearly amounts) and 7, 15 are the 5 абзацы of article 1",
        ],
    },
    "160919-garantirovannyi-transfert-2022-2024/kaz.md": {
        "checked": "articles 1 and 2 (bold); 1 note («Ескерту. 01.01.2022 бастап қолданысқа енгізіледі – …»)",
    },
    "4-konst-zakon-o-vyborakh/rus.md": {
        "checked": "the index of a split act: title, 2 notes, the table of 12 parts; no units",
        "decisions": [
            "table rows «| [`ch001`](rus/ch001.md) | Глава 1. … |» are links to part files, not chapters: not counted",
            "only ch015 of the 12 linked parts is in the corpus",
        ],
    },
    "4-konst-zakon-o-vyborakh/kaz.md": {
        "checked": "the index: title, 1 note, the table of 11 parts (no ch005); no units",
    },
    "4-konst-zakon-o-vyborakh/rus/ch015.md": {
        "checked": "chapter 15; articles 128, 129, 130, 130-1, 131, 132, 133; 7 notes",
        "decisions": [
            "articles 128, 130, 132 are excluded: heading + note only",
            "article 133's own subpoints: 1), 2) (lines 67, 69) and 1)-5) of the suspension list (79, 97, 119, 147, 177)",
            "the temporary wordings in quotes (48 paragraphs, among them «3. …», «1. …», «2. …», «1) …»-«3) …» of"
            " art. 113-1) are quoted text, not units of this act: counted as quoted_paragraphs",
            "line 221 «   Президент Республики Казахстан» (indented) is the signature",
        ],
    },
    "4-konst-zakon-o-vyborakh/kaz/ch015.md": {
        "checked": "chapter 15; articles 128-133 with 130-1; 7 notes",
        "decisions": [
            "single-line quoted wordings are followed by instruction words («…;\" редакцияда қолданылады деп белгіленіп, осы"
            " тармақшаның;»): counted as quoted, like their Russian counterparts",
            "line 219, 68 underscores: a rule, not text",
            "line 223 «Қазақстан Республикасының Президентi» (Latin i): the signature",
        ],
    },
    "137412-administratsiia-prezidenta/rus@2020-10-27.md": {
        "checked": "points 1-5 (with anchors p1-p5), subpoints 1), 2) of point 3; the annex (stamp line 37, heading 43); 1 note",
        "decisions": [
            "note 45 stands directly under the annex heading and names two amending orders",
            "the «СОГЛАСОВАНО» blockquote (33-35) is an agreement stamp, not an appendix",
        ],
        "not_notes": [
            {"line": 71, "text": "«Примечание:» and line 73 «* - лимит пробега …»: the annex's own footnote to its table"},
        ],
    },
    "87811-qriim/rus.md": {
        "checked": "order points 1-4 (subpoints 1)-3) of 2); the approved Rules (stamp line 23, # heading 28): points 1-10,"
        " subpoints 1)-4) of 4 and 1)-6) of 6; no notes",
        "decisions": [
            "lines 40, 42, 46, 48 are абзацы under subpoints of the Rules (not inside an article: not counted as абзацы)",
            "the approved Rules count as the file's one appendix (the parser's kind for the approved document)",
        ],
    },
}
