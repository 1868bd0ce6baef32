"""Kazakh everyday words (`EVERYDAY`): what people type for what the law names otherwise,
the Russian loan words of everyday Kazakh among them (`зарплата`, `пенсия`).

A search that finds nothing is tried again with the law's wording (`db.search.law_wording`)
and the page says so. Each law wording is printed so in the texts Zan reads (the folder of
the corpus, ``../shared/corpus-bank/`` or ``../shared/corpus-extra/`` named beside it; checked
by `tests/test_everyday.py`), in any case form: the search matches stems. A key is matched
as whole stems in order.

The acts held say `жалақы` for pay (4570, 4051), not `еңбекақы`: `еңбекақы` is left out, as
no text held prints it.
"""

from __future__ import annotations

EVERYDAY: dict[str, str] = {
    # pay, benefits and prices
    "зарплата": "жалақы",  # 4570, 4051
    "пенсия": "зейнетақы",  # 4570, 4051, 160919
    "пособие": "жәрдемақы",  # 4051
    "МРП": "айлық есептік көрсеткіш",  # 4051, amending/2561
    "соцвыплаты": "әлеуметтік төлемдер",  # 4570
    "прожиточный минимум": "ең төменгі күнкөріс деңгейі",  # 4570
    "продуктовая корзина": "азық-түлік себеті",  # 4570
    "нацфонд": "Ұлттық қор",  # 160919
    "налог": "салық",  # 180312, amending/53548
    # offices and services
    "налоговая": "мемлекеттік кіріс органдары",  # amending/164356 (kaz)
    "минфин": "Қаржы министрлігі",  # 137412, 164562, 180312
    "минюст": "Әділет министрлігі",  # seeds
    "минздрав": "Денсаулық сақтау министрлігі",  # seed 002
    "ЦОН": "«Азаматтарға арналған үкімет» мемлекеттік корпорациясы",  # 4051
    "госуслуги": "мемлекеттік көрсетілетін қызметтер",  # seed
    "скорая": "жедел медициналық көмек",  # seed
    "ауылсовет": "ауылдық округ",  # amending/149902
    "шахтер": "жерасты және ашық кен жұмыстары",  # 4051
    # people, papers and the police's means
    "машина": "автокөлік құралы",  # 137412, 180312, 11034
    "түрме": "түзеу мекемесі",  # 11034
    "тюрьма": "түзеу мекемесі",  # 11034
    "зэк": "сотталған",  # 104446, 11034
    "наручники": "кісендер",  # 11034
    "дубинка": "резина таяқшасы",  # 11034
    "баллончик": "аэрозолдық құрал",  # 11034
}
