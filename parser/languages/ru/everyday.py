"""Russian everyday words (`EVERYDAY`): what people type for what the law names otherwise.

A search that finds nothing is tried again with the law's wording (`db.search.law_wording`)
and the page says so. Each law wording is printed so in the texts Zan reads (the folder of
the corpus, ``../shared/corpus-bank/`` or ``../shared/corpus-extra/`` named beside it; checked
by `tests/test_everyday.py`), in any case form: the search matches stems. A key is matched
as whole stems in order (``зарплаты учителей`` holds ``зарплата``).

`электросамокат` -> `средство индивидуальной мобильности` (the Road Traffic Law's word) is
left out: no text held prints it, so the search could find nothing with it either.
"""

from __future__ import annotations

EVERYDAY: dict[str, str] = {
    # pay, benefits and prices
    "зарплата": "заработная плата",  # 4570, 4051
    "минималка": "минимальный размер месячной заработной платы",  # 4570
    "МРП": "месячный расчетный показатель",  # 4051, amending/2561
    "соцвыплаты": "социальные выплаты",  # 4570
    "продуктовая корзина": "продовольственная корзина",  # 4570
    "прожиточка": "прожиточный минимум",  # 4570
    "нацфонд": "Национальный фонд",  # 160919
    "шахтер": "подземные и открытые горные работы",  # 4051
    "шахтёр": "подземные и открытые горные работы",  # 4051
    "вредность": "особо вредные и особо тяжелые условия труда",  # 4051
    # offices and services
    "налоговая инспекция": "органы государственных доходов",  # amending/164356 (rus); "налоговая" alone is printed (налоговый)
    "налоговик": "органы государственных доходов",  # amending/164356 (rus)
    "минфин": "Министерство финансов",  # 137412
    "минюст": "Министерство юстиции",  # 137412, 87811
    "МВД": "Министерство внутренних дел",  # 87811
    "МЧС": "чрезвычайные ситуации",  # 87811 (Министерство по чрезвычайным ситуациям)
    "ЦОН": "Государственная корпорация «Правительство для граждан»",  # 4051
    "госуслуги": "государственные услуги",  # 4051
    "сельсовет": "сельский округ",  # amending/149902
    # people and papers
    "ИП": "индивидуальный предприниматель",  # amending/53548
    "ИИН": "идентификационный номер",  # amending/53548
    "паспорт": "документ, удостоверяющий личность",  # 4051
    "тюрьма": "лишение свободы",  # 104446
    "зэк": "осужденный",  # 104446
}
