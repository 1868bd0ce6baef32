"""Every word the site and the `zan` command show a reader, in Kazakh and in Russian.

One catalogue (`MESSAGES`) holds the labels, statuses and sentences; the functions below
build what depends on data — a unit's name as a lawyer says it (`unit_name`), an act named
by its kind, number and date (`act_name`), the explanation of a date (`commencement_text`,
`window_text`) — from the structured columns of the database, at display time, in the
reader's language. JSON keeps ISO dates and the stable codes; only pages and the CLI's
human output go through here.

`parse_lang` is the one place where a requested language is read and checked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from parser.dates import to_display

__all__ = ["to_display"]  # re-exported: the CLI writes dates as the pages do

LANGUAGES = ("kk", "ru")
DEFAULT_LANGUAGE = "kk"

#: The name of each language in itself, for the switch on every page.
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский"}


class UnknownLanguage(ValueError):
    """A ``lang`` that is neither ``kk`` nor ``ru``."""


def parse_lang(value: str | None) -> str:
    """The reader's language from a ``lang`` argument: ``kk`` (the default, also for an
    empty value) or ``ru``; `UnknownLanguage` for anything else."""
    if value is None or not value.strip():
        return DEFAULT_LANGUAGE
    lang = value.strip().lower()
    if lang not in LANGUAGES:
        raise UnknownLanguage(t("error_lang", DEFAULT_LANGUAGE, value=value))
    return lang


#: key -> (Kazakh, Russian). Values are `str.format` templates.
MESSAGES: dict[str, tuple[str, str]] = {
    # the frame of every page
    "site_title": ("Zan — заң", "Zan — заң"),
    "site_subtitle": (
        "Қазақстан Республикасының нормативтік құқықтық актілері: мәтіні, әрбір өзгерісі, кез келген күнгі редакциясы.",
        "Нормативные правовые акты Республики Казахстан: текст, каждое изменение, редакция на любую дату.",
    ),
    # what the database holds, on Datasette's own pages (db.publish)
    "site_acts": ("Қазақстан Республикасының нормативтік құқықтық актілері", "Нормативные правовые акты Республики Казахстан"),
    "home": ("Басты бет", "Главная"),
    "acts": ("Актілер", "Акты"),
    "language": ("Тіл", "Язык"),
    "json": ("JSON", "JSON"),
    "sql": ("SQL", "SQL"),
    "show": ("Көрсету", "Показать"),
    "date": ("Күні", "Дата"),
    "date_hint": ("бос болса — бүгін", "пусто — сегодня"),
    "search": ("Іздеу", "Поиск"),
    "search_placeholder": ("мысалы: бұйрық, тармақ, психотерапия", "например: бұйрық, тармақ, психотерапия"),
    "filter": ("Сүзу", "Отобрать"),
    "all": ("барлығы", "все"),
    "status": ("Мәртебесі", "Статус"),
    "kind": ("Түрі", "Вид"),
    "issuer": ("Шығарған орган", "Орган"),
    "year": ("Жылы", "Год"),
    "act": ("Акт", "Акт"),
    "adopted": ("Қабылданған күні", "Дата принятия"),
    "number": ("№", "№"),
    "registered": ("Тіркелген", "Зарегистрирован"),
    "entry_into_force": ("Қолданысқа енгізілуі", "Введение в действие"),
    "no_act_matches": ("Бұл сүзгілерге сай акт жоқ.", "Нет актов, отвечающих этим условиям."),
    "count_acts": ("Барлығы {count} акт", "Всего актов: {count}"),
    "page_of": ("{page}-бет, барлығы {pages}", "страница {page} из {pages}"),
    "previous": ("← алдыңғы", "← предыдущая"),
    "next": ("келесі →", "следующая →"),
    "in_force_link": ("Белгілі бір күні күшінде болған актілер", "Акты, действовавшие на дату"),
    "problems_link": ("Жинау кезіндегі ақаулар", "Проблемы при сборке"),
    "unknown": ("белгісіз", "неизвестно"),
    "none": ("—", "—"),
    # statuses
    "status_in_force": ("күшінде", "действует"),
    "status_repealed": ("күшін жойған", "утратил силу"),
    "status_unknown": ("мәртебесі белгісіз", "статус неизвестен"),
    "status_not_in_force": ("күшінде емес", "не действует"),
    "status_uncertain": ("анық емес", "не установлено"),
    # act page
    # why an act's status is what it is (`parser.document.decide_status`)
    "basis_status_line": ("дереккөздегі мәртебе жолы: «{line}»", "строка статуса в источнике: «{line}»"),
    "basis_repeal_recorded": ("мәтінде күшін жою жазылған", "в тексте записана отмена"),
    "basis_repeal_in_other_text": ("актінің {language} мәтінінде күшін жою жазылған", "в тексте акта {language} записана отмена"),
    "basis_bank_requisite_no_repeal": (
        "банктің деректемесінде күшін жою жазылмаған (банк әр күшін жоюды деректемеге қосады), ешбір ескерту де актінің күшін жоймайды",
        "в реквизите банка отмена не записана (банк дописывает в реквизит каждую отмену), и ни одно примечание не отменяет акт",
    ),
    "basis_status_not_known": (
        "дереккөзде мәртебе жолы да, күшін жою туралы жазба да жоқ: бүгін күшінде ме, мәтіннен белгісіз",
        "в источнике нет ни строки статуса, ни записи об отмене: действует ли акт сегодня, из текста неизвестно",
    ),
    "as_of_date": ("Осы күнгі редакциясы", "Редакция на дату"),
    "date_placeholder": ("кк.аа.жжжж", "дд.мм.гггг"),
    "date_hint": ("Күн, ай, жыл: мысалы, 19.10.2009", "День, месяц, год: например, 19.10.2009"),
    "contents": ("Мазмұны", "Содержание"),
    "text_held_as_at": ("Мәтін {date} жағдай бойынша: жинақтағы ең соңғы редакция.", "Текст по состоянию на {date}: последняя редакция в собрании."),
    "text_held": ("Мәтін жинақтағы ең соңғы редакция бойынша.", "Текст в последней редакции, имеющейся в собрании."),
    "history": ("өзгерістер тарихы", "история изменений"),
    "appendix_stamp": ("{label}-қосымша", "Приложение {label}"),
    "removed_in": ("алынып тасталды: {date} редакциясында және одан кейін жоқ", "исключено: отсутствует в редакции от {date} и позже"),
    "amendment_unread": ("өзгерткен акт оқылмады: ескерту жоғарыда басылғандай сақталған", "изменяющий акт не прочитан: примечание сохранено, как напечатано выше"),
    "applies_exact": ("қолданысқа енгізілді: {date}", "введено в действие: {date}"),
    "applies_window": ("қолданысқа енгізілу күні: {window}", "дата введения в действие: {window}"),
    "applies_unknown": ("қолданысқа енгізілу күні белгісіз", "дата введения в действие неизвестна"),
    "parse_incomplete": ("ескерту толық оқылмады", "примечание прочитано не полностью"),
    "versions": ("Редакциялары", "Редакции"),
    # language texts of an act
    "text_name_kk": ("қазақша", "на казахском языке"),
    "text_name_ru": ("орысша", "на русском языке"),
    "text_heading_kk": ("Қазақша мәтіні", "Текст на казахском языке"),
    "text_heading_ru": ("Орысша мәтіні", "Текст на русском языке"),
    "text_not_held": ("Бұл актінің {asked} мәтіні корпуста жоқ: {shown} мәтіні көрсетілген.", "Текста этого акта {asked} в корпусе нет: показан текст {shown}."),
    "side_by_side_link": ("Қазақша және орысша мәтіндер қатар", "Тексты на казахском и русском языках рядом"),
    "side_by_side_title": ("Екі тілдегі мәтін, бөліктері бойынша қатар", "Тексты на двух языках, сопоставленные по частям"),
    "side_by_side_counts": ("{paired} бөлік екі мәтінде де бар; жұбы жоқ: {alone}", "Частей, которые есть в обоих текстах: {paired}; без пары: {alone}"),
    "diff_other_text": (
        "Бұл актінің {asked} мәтінінің салыстыратын редакциялары жоқ: {shown} мәтінінің редакциялары салыстырылды.",
        "У текста этого акта {asked} нет редакций для сравнения: сравниваются редакции текста {shown}.",
    ),
    "no_partner": ("екінші мәтінде жұбы жоқ", "нет пары в другом тексте"),
    "one_text_only": ("Бұл акт корпуста бір тілде ғана бар.", "Этот акт есть в корпусе только на одном языке."),
    "version": ("Редакция", "Редакция"),
    "version_of": ("{date} редакциясы", "редакция от {date}"),
    "current_version": ("қазіргі", "действующая"),
    "rebuilt_version": ("өзгерткен актілерден қайта құрылған, нақты мәтін емес", "восстановлена по изменяющим актам, не подлинный текст"),
    "in_effect_from": ("Қолданылу басталуы", "Действует с"),
    "caused_by": ("Өзгерткен акт", "Изменяющий акт"),
    "source_file": ("Дереккөз", "Источник"),
    "compare_from": ("Бастапқы редакция", "Исходная редакция"),
    "compare_to": ("Кейінгі редакция", "Новая редакция"),
    "compare": ("Салыстыру", "Сравнить"),
    "links": ("Сілтемелер", "Ссылки"),
    "cites": ("Осы акт сілтеме жасайды", "Этот акт ссылается на"),
    "cited_by": ("Сілтеме жасайтын актілер", "На этот акт ссылаются"),
    "amended_by": ("Өзгерістер енгізген актілер", "Акты, вносившие изменения"),
    "amends": ("Өзгерістер енгізеді", "Вносит изменения в"),
    "repealed_by": ("Күшін жойған акт", "Акт, признавший утратившим силу"),
    "not_in_corpus": ("корпуста жоқ", "нет в корпусе"),
    "in_corpus": ("корпуста бар", "есть в корпусе"),
    "instructions_count": ("{count} нұсқау", "указаний: {count}"),
    "changes_count": ("{count} өзгеріс", "изменений: {count}"),
    "instructions": ("Өзгерістер енгізу нұсқаулары", "Указания о внесении изменений"),
    "instructions_target": ("Өзгертілетін акт: {act}", "Изменяемый акт: {act}"),
    "registration_number": ("тіркеу № {number}", "регистрационный № {number}"),
    # the act on a date
    "as_of_title": ("{date} күнгі редакциясы", "Редакция на {date}"),
    "as_of_summary": (
        "{date} күні қолданыста болған мәтін: корпус осы күнге дейін қолданысқа енгені белгілі өзгерістердің бәрін ескереді.",
        "Текст, действовавший {date}: учтены все изменения, вступление которых в силу до этой даты известно корпусу.",
    ),
    "act_itself": ("Актінің өзі:", "Сам акт:"),
    "proven_count": ("{proven} бөліктің {date} күнгі редакциясы дәлелденген; {unproven} бөліктің мәтіні — болжамды (төменде).", "Редакция {proven} частей на {date} доказана; текст {unproven} частей — предполагаемый (ниже)."),
    "not_proven": ("дәлелденбеген", "не доказано"),
    "proven": ("дәлелденген", "доказано"),
    "not_proven_mark": ("редакциясы дәлелденбеген: корпустағы қазіргі мәтін", "редакция не доказана: действующий текст из корпуса"),
    "wording_not_held": ("бұл күнгі редакциясы корпуста жоқ", "редакции на эту дату в корпусе нет"),
    "why_not_proven": ("Неге кейбір бөліктердің мәтіні дәлелденбеген", "Почему текст некоторых частей не доказан"),
    "uncertain_change": (
        "{act}: «{action}» ({units} бөлік) {window} күшіне енді, сондықтан {date} күні қай редакция қолданылғаны белгісіз.",
        "{act}: «{action}» ({units} частей) вступило в силу {window}, поэтому неизвестно, какая редакция действовала {date}.",
    ),
    "held_as_at": (
        "Корпустағы ең жаңа мәтін {as_at} күнгі: одан кейінгі өзгерістер корпуста жоқ, сондықтан {units} бөліктің {date} күнгі мәтіні дәлелденбеген (кейінгі редакцияны корпусқа қосыңыз).",
        "Новейший текст в корпусе — на {as_at}: более поздних изменений в корпусе нет, поэтому текст {units} частей на {date} не доказан (добавьте в корпус более позднюю редакцию).",
    ),
    "settle_hint": (
        "Оны нақтылау үшін актінің жариялану күнін publications.csv файлына қосыңыз.",
        "Чтобы уточнить, добавьте дату его опубликования в publications.csv.",
    ),
    "proven_units": ("Редакциясы дәлелденген бөліктер", "Части с доказанной редакцией"),
    "unproven_units": ("Редакциясы дәлелденбеген бөліктер (болжамды мәтін)", "Части с недоказанной редакцией (предполагаемый текст)"),
    "not_in_force_units": ("Бұл күні күшінде болмаған бөліктер", "Части, не действовавшие в эту дату"),
    # dates and their reasons
    "window": ("{earliest} – {latest}", "{earliest} – {latest}"),
    "window_open": ("{earliest} күнінен ерте емес (соңғы шегі белгісіз)", "не ранее {earliest} (поздняя граница неизвестна)"),
    "window_between": ("{earliest} мен {latest} аралығында", "между {earliest} и {latest}"),
    "rule_signing": ("қол қойылған күнінен бастап қолданысқа енгізіледі", "вводится в действие со дня подписания"),
    "rule_publication_0": ("алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі", "вводится в действие со дня первого официального опубликования"),
    "rule_publication_days": (
        "алғашқы ресми жарияланған күнінен кейін күнтізбелік {days} күн өткен соң қолданысқа енгізіледі",
        "вводится в действие по истечении {days} календарных дней после дня первого официального опубликования",
    ),
    "rule_publication_working_days": (
        "алғашқы ресми жарияланған күнінен кейін {days} жұмыс күні өткен соң қолданысқа енгізіледі",
        "вводится в действие по истечении {days} рабочих дней после дня первого официального опубликования",
    ),
    "rule_signing_days": (
        "қол қойылған күнінен кейін күнтізбелік {days} күн өткен соң қолданысқа енгізіледі",
        "вводится в действие по истечении {days} календарных дней после дня подписания",
    ),
    "rule_signing_working_days": (
        "қол қойылған күнінен кейін {days} жұмыс күні өткен соң қолданысқа енгізіледі",
        "вводится в действие по истечении {days} рабочих дней после дня подписания",
    ),
    "rule_signing_months": (
        "қол қойылған күнінен кейін {months} ай өткен соң қолданысқа енгізіледі",
        "вводится в действие по истечении {months} месяцев после дня подписания",
    ),
    "latest_by_deadline": (
        "ол тіркелген күннен ({registered}) бастап {days} күн ішінде жариялануға тиіс",
        "опубликование обязательно в течение {days} дней после государственной регистрации ({registered})",
    ),
    "latest_no_deadline": ("сол жылы жариялау мерзімі белгісіз: соңғы шегі жоқ", "срок опубликования для того года неизвестен: поздней границы нет"),
    "latest_working_days": ("мерзім жұмыс күнімен есептеледі, мереке күндері белгісіз: соңғы шегі жоқ", "срок исчисляется в рабочих днях, праздники неизвестны: поздней границы нет"),
    "meta_none": ("мета-файл жоқ", "мета-файла нет"),
    "meta_undated": ("мета-файлда редакция күні жоқ", "в мета-файле нет даты редакции"),
    "meta_stale": ("мета-файл ертерек редакцияныкі", "мета-файл от более ранней редакции"),
    # how a day or window was derived (`parser.temporal.derive_effective`, EffectiveDate.basis)
    "basis_derived_no_clause": ("мәтінде қолданысқа енгізу туралы ереже жоқ", "в тексте нет положения о введении в действие"),
    "basis_derived_not_yet": ("күні есептелмеген", "дата не вычислена"),
    "basis_derived_fixed": ("ережеде белгіленген күн: «{text}»", "дата, установленная положением: «{text}»"),
    "basis_derived_not_understood": ("қолданысқа енгізу ережесі оқылмады: «{text}»", "положение о введении в действие не прочитано: «{text}»"),
    "basis_derived_signing_undated": ("қол қойылған күнінен бастап, бірақ актінің күні мәтінде жоқ", "со дня подписания, но даты акта в тексте нет"),
    "basis_derived_from_signing": ("қол қойылған күні — {signed}", "дата подписания — {signed}"),
    "basis_derived_beyond_calendar": ("күні күнтізбеден тыс", "дата за пределами календаря"),
    "basis_derived_undated": ("жариялану күні де, актінің күндері де белгісіз", "неизвестны ни дата опубликования, ни даты акта"),
    "basis_derived_from_publication": ("алғашқы ресми жарияланған күні — {published} ({source})", "день первого официального опубликования — {published} ({source})"),
    "basis_derived_dates_contradict": (
        "актінің күндері бір-біріне қайшы (қабылданған күні {adopted}, тіркелген күні {registered}): мерзімін анықтау мүмкін емес",
        "даты акта противоречат друг другу (принят {adopted}, зарегистрирован {registered}): срок определить нельзя",
    ),
    "basis_derived_cause_not_noted": (
        "бұл редакцияның ескертулері оны тудырған актіні ({act}) атамайды: оның қолданысқа енгізілуі белгісіз",
        "примечания этой редакции не называют вызвавший её акт ({act}): введение в действие неизвестно",
    ),
    "basis_derived_cause_no_clause": (
        "ескерту өзгерткен актіні ({act}) атайды, бірақ оның қолданысқа енгізу ережесін көрсетпейді",
        "примечание называет изменяющий акт ({act}), но не приводит положения о его введении в действие",
    ),
    "basis_derived_by_cause": (
        "өзгерткен актінің ({act}) осы редакцияның ескертуі келтірген қолданысқа енгізу ережесі: {why}",
        "положение о введении в действие изменяющего акта ({act}), как его приводит примечание этой редакции: {why}",
    ),
    "basis_derived_texts_disagree": (
        "мәтіндер сәйкес емес ({said}): олардың кез келгені рұқсат ететін әр күн сақталды",
        "тексты расходятся ({said}): сохранён каждый день, который допускает любой из них",
    ),
    # how a version's date was read (`parser.versions.read_version`)
    "basis_version_date_meta": ("банктің мета-файлындағы редакция күні", "дата редакции из мета-файла банка"),
    "basis_version_date_unknown": ("{meta_said}, өзгеріс туралы ескерту де жоқ: редакция күні белгісіз", "{meta_said}, и примечания об изменении нет: дата редакции неизвестна"),
    "basis_version_date_by_note": (
        "{meta_said}: ескертулер атайтын ең жаңа өзгерткен актінің ({act}) қабылданған күні",
        "{meta_said}: дата принятия новейшего изменяющего акта, названного в примечаниях ({act})",
    ),
    "basis_version_date_rebuilt": (
        "өзгерткен актінің нұсқауларын қолданып қайта құрылған ({base}, {amending}); оның қабылданған күнімен",
        "восстановлена применением указаний изменяющего акта ({base}, {amending}); датирована его принятием",
    ),
    "rule_publication_months": (
        "алғашқы ресми жарияланған күнінен кейін {months} ай өткен соң қолданысқа енгізіледі",
        "вводится в действие по истечении {months} месяцев после дня первого официального опубликования",
    ),
    "rule_fixed_date": ("{date} бастап қолданысқа енгізіледі", "вводится в действие с {date}"),
    "rule_see_act": ("қолданысқа енгізілу тәртібін өзгерткен акт белгілейді", "порядок введения в действие устанавливает изменяющий акт"),
    "rule_unknown": ("мәтінде қолданысқа енгізу туралы ереже жоқ", "в тексте нет положения о введении в действие"),
    "publication_unknown": (
        "жариялану күні корпуста жоқ; жариялану {floor_word} ({floor}) бұрын болмайды",
        "даты опубликования в корпусе нет; опубликование не может предшествовать {floor_word} ({floor})",
    ),
    "floor_registration": ("тіркелген күннен", "государственной регистрации"),
    "floor_adoption": ("қабылданған күннен", "принятию"),
    # in force on a date (`parser.timeline.existence_on`): since a day, since a window, until
    "in_force_since": ("{since} бастап күшінде", "действует с {since}"),
    "in_force_since_window": ("күшінде: {earliest} мен {latest} аралығында қолданысқа енгізілген", "действует: введён в действие между {earliest} и {latest}"),
    "in_force_since_by": ("күшінде: {latest} кешіктірмей қолданысқа енгізілген", "действует: введён в действие не позднее {latest}"),
    "in_force_until": ("{until} дейін", "до {until}"),
    "in_force_until_window": ("күшінің жойылуы: {window}", "прекращение действия: {window}"),
    # the basis of a date or a wording (`basis_text`): one message per rule of parser.timeline.Basis
    "basis_but": ("{first}; бірақ {second}", "{first}; но {second}"),
    "basis_changed_by": ("{act}: {action}; {when}", "{act}: {action}; {when}"),
    "basis_own_commencement": ("бөліктің өз қолданысқа енгізу ережесі: «{text}»", "собственное положение части о введении в действие: «{text}»"),
    "basis_in_force_as_at": (
        "{as_at} күнгі ресми мәтін (өзгерткен акт шығарған редакция) актіні күшінде деп көрсетеді, демек ол сол күнге дейін күшіне енген; {why}",
        "официальный текст на {as_at} (редакция, вызванная изменяющим актом) показывает акт действующим, значит, он вступил в силу не позднее этого дня; {why}",
    ),
    "basis_repeal_not_held_after": (
        "корпустағы ең жаңа мәтін {as_at} күнгі: одан кейінгі күшін жою болса, ол корпуста жоқ",
        "новейший текст в корпусе — на {as_at}: более поздней отмены, если она была, в корпусе нет",
    ),
    "basis_held_as_at": ("корпустағы ең жаңа мәтін {as_at} күнгі", "новейший текст в корпусе — на {as_at}"),
    "basis_term_end": ("актінің өз ережесі бойынша {until} дейін қолданылады", "по собственному положению акта применяется до {until}"),
    "basis_excluded_in_text": ("бөліктің мәтінінде оның алып тасталғаны жазылған: «{text}»", "в тексте части записано её исключение: «{text}»"),
    "basis_version_took_effect": ("{version} редакциясы қолданысқа енгізілді: {when}", "редакция от {version} введена в действие: {when}"),
    "basis_between_versions": (
        "{older} және {newer} редакцияларының мәтіндері әртүрлі, өзгерістің күнін бірде-бір ескерту көрсетпейді: ол {window} күшіне енді",
        "тексты редакций от {older} и от {newer} различаются, и ни одно примечание не датирует изменение: оно вступило в силу {window}",
    ),
    "basis_current_no_note": ("қазіргі мәтін; оның өзгергенін бірде-бір ескерту көрсетпейді", "действующий текст; ни одно примечание не указывает на его изменение"),
    "basis_current_since_change": ("қазіргі мәтін, {act} енгізген өзгерістен бері", "действующий текст, со времени изменения, внесённого актом: {act}"),
    "basis_earlier_wording_not_held": ("{act} енгізген өзгеріске дейінгі мәтіні корпуста жоқ", "текста до изменения, внесённого актом «{act}», в корпусе нет"),
    "basis_version_wording": ("{version} редакциясының мәтіні", "текст редакции от {version}"),
    "basis_version_wording_since": ("{version} редакциясының мәтіні, {act} енгізген өзгерістен бері", "текст редакции от {version}, со времени изменения, внесённого актом: {act}"),
    "basis_held_unproven": (
        "мәтіндер көрсеткендей күшінде; {as_at} күннен кейінгі мәтіні дәлелденбеген: корпустағы ең жаңа мәтін сол күнгі, ал кейінгі өзгеріс корпуста жоқ редакцияда болар еді",
        "действует, насколько показывают тексты; текст после {as_at} не доказан: новейший текст в корпусе — на эту дату, а более позднее изменение было бы в редакции, которой в корпусе нет",
    ),
    "basis_placeholder_in_every_version": ("корпустағы әр редакцияда бөліктің орнында тек оның алып тасталғаны жазылған", "в каждой редакции корпуса на месте части записано только её исключение"),
    "basis_changed_again": ("{window} дейін тағы өзгертілді; арадағы мәтіні корпуста жоқ", "до {window} изменена ещё раз; промежуточного текста в корпусе нет"),
    "basis_note_target_not_found": ("онда басылған ескерту мәтінде табылмаған бөлікті атайды («{target}», {line}-жол)", "напечатанное в ней примечание называет часть, которой в тексте нет («{target}», строка {line})"),
    "basis_note_change_unnamed": ("ондағы ескерту өзгерісті атамайды ({line}-жол)", "примечание к ней не называет изменение (строка {line})"),
    "basis_start_unknown": ("оның қашан қолданыла бастағаны мүлде белгісіз, сондықтан бұл күнгі мәтіні дәлелденбейді", "когда она начала применяться, неизвестно вовсе, поэтому её текст на эту дату не подтверждается"),
    "basis_not_yet": ("бұл күні әлі күшіне енбеген: {why}", "на эту дату ещё не вступило в силу: {why}"),
    "basis_no_longer": ("бұл күні күші жойылған: {why}", "на эту дату утратило силу: {why}"),
    "basis_maybe_not_yet": ("қолданысқа енгізілуі: {window}, сондықтан бұл күні күшінде болғаны дәлелденбеген: {why}", "введение в действие: {window}, поэтому действие на эту дату не доказано: {why}"),
    "basis_maybe_ended": ("күшінің жойылуы: {window}, сондықтан бұл күні күшінде болмауы мүмкін: {why}", "прекращение действия: {window}, поэтому на эту дату могло уже не действовать: {why}"),
    "basis_wording_changed_in": ("мәтіні {window} өзгерді, сондықтан қай редакция қолданылғаны белгісіз: {why}", "текст изменён {window}, поэтому неизвестно, какая редакция действовала: {why}"),
    "basis_the_act": ("акт", "акт"),
    "basis_unknown": ("негізі белгісіз ({rule})", "основание неизвестно ({rule})"),
    "basis_not_recorded": ("негізі жазылмаған", "основание не записано"),
    # home, in force, search, history, diff, problems
    "in_force_title": ("{date} күні актілердің мәртебесі", "Статус актов на {date}"),
    "basis": ("Негізі", "Основание"),
    "search_title": ("Іздеу", "Поиск"),
    "search_count": ("{count} нәтиже", "Результатов: {count}"),
    "search_among": ("{date} күні күшінде болуы мүмкін актілер арасында", "среди актов, которые могли действовать {date}"),
    "search_forms": ("Сөздер қазақ тілінің жалғауларымен бірге ізделеді (бұйрық → бұйрығымен).", "Слова ищутся с учётом казахских окончаний (бұйрық → бұйрығымен)."),
    "search_nothing": ("Ештеңе табылмады.", "Ничего не найдено."),
    "note": ("ескерту", "примечание"),
    "history_title": ("{unit}: өзгерістер тарихы", "{unit}: история изменений"),
    "current_text": ("Қазіргі мәтіні", "Действующий текст"),
    "amendments_in_order": ("Өзгерістер (уақыт ретімен)", "Изменения (в хронологическом порядке)"),
    "as_part_of": ("{unit} бөлігі ретінде", "в составе: {unit}"),
    "no_amendments": ("Мәтіндегі бірде-бір ескерту бұл бөліктің өзгергенін көрсетпейді.", "Ни одно примечание в тексте не указывает на изменение этой части."),
    "intervals": ("Редакцияларының мерзімдері", "Периоды действия редакций"),
    "from": ("Басталуы", "Начало"),
    "until": ("Аяқталуы", "Окончание"),
    "wording": ("Мәтіні", "Текст"),
    "wording_current": ("қазіргі мәтін", "действующий текст"),
    "wording_unheld": ("корпуста жоқ", "в корпусе нет"),
    "diff_title": ("Өзгерістер: {old} → {new}", "Изменения: {old} → {new}"),
    "change_added": ("қосылды", "добавлено"),
    "change_removed": ("алынып тасталды", "исключено"),
    "change_reworded": ("өзгертілді", "изменено"),
    "was_unit": ("бұрын: {unit}", "ранее: {unit}"),
    "no_change": ("Бұл редакциялар арасында айырма жоқ (тек пішімдегі айырма өзгеріс саналмайды).", "Между этими редакциями нет различий (различия только в оформлении не считаются изменениями)."),
    "basis_version_named": ("таңдалған редакция", "выбранная редакция"),
    "basis_version_in_effect_on": ("{date} күні қолданысқа енгені дәлелденген ең соңғы редакция", "последняя редакция, вступившая в силу к {date} доказанно"),
    "basis_later_version_may_have": (
        "{version} редакциясы да сол күнге дейін қолданысқа енгізілген болуы мүмкін ({window})",
        "редакция от {version} тоже могла вступить в силу к этой дате ({window})",
    ),
    "no_versions": ("Бұл акт бір ғана мәтінде сақталған: салыстыратын редакция жоқ.", "Акт хранится в одном тексте: сравнивать нечего."),
    "problems_title": ("Жинау кезіндегі ақаулар", "Проблемы при сборке"),
    "problems_intro": ("Корпусты жинау кезінде бағдарлама жасай алмаған немесе күмәнданған нәрселердің бәрі, файл және түр бойынша.", "Всё, что программа не смогла сделать или в чём усомнилась при сборке корпуса, по файлам и видам."),
    "problems_count": ("{count} ақау, {files} файлда", "Проблем: {count}, в файлах: {files}"),
    "problems_none": ("Ақау жоқ.", "Проблем нет."),
    "line": ("жол", "строка"),
    "severity_error": ("қате", "ошибка"),
    "severity_warning": ("ескерту", "предупреждение"),
    "severity_info": ("мәлімет", "сведение"),
    "cited_in": ("Сілтеме жасайтын жерлер", "Где упоминается"),
    "amendments_made": ("Енгізген өзгерістері", "Внесённые изменения"),
    "the_act": ("акт тұтасымен", "акт в целом"),
    "act_not_named": ("мәтін атамаған акт", "акт, не названный в тексте"),
    # zan audit
    "audit_pair": ("{act} ({language}): {older} → {newer}", "{act} ({language}): {older} → {newer}"),
    "audit_counts": (
        "{dates}: {answers} жауап, {wrong} сенімді қате, {not_known} белгісіз",
        "{dates}: ответов {answers}, уверенно неверных {wrong}, неизвестных {not_known}",
    ),
    "audit_skip_newer_date_unknown": (
        "өткізілді: жаңа редакцияның қолданысқа енген күні белгісіз немесе терезесі шексіз",
        "пропущено: дата введения новой редакции неизвестна или её окно не ограничено",
    ),
    "audit_skip_next_version_may_apply": (
        "өткізілді: келесі редакция бұл күнге дейін қолданысқа енуі мүмкін",
        "пропущено: следующая редакция могла вступить в силу раньше",
    ),
    "audit_wrong": ("сенімді қате: {unit}, {date}: {reason}", "уверенно неверно: {unit}, {date}: {reason}"),
    "audit_claimed": ("жауап", "ответ"),
    "audit_real": ("нақты редакцияда", "в подлинной редакции"),
    "audit_reason_not_in_force": ("күшінде емес деп айтылды, жаңа редакцияда бар", "сказано «не действует», а в новой редакции есть"),
    "audit_reason_absent": ("мәтіні белгілі деп айтылды, жаңа редакцияда жоқ", "текст назван известным, а в новой редакции его нет"),
    "audit_reason_differs": ("мәтіні белгілі деп айтылды, жаңа редакцияда басқаша", "текст назван известным, а в новой редакции он другой"),
    # errors
    "error_not_found": ("Бұл мекенжайда бет жоқ.", "По этому адресу страницы нет."),
    "error_no_act": ("{id} деген акт жоқ.", "Акта {id} нет."),
    "error_no_unit": ("{id} деген бөлік жоқ.", "Части {id} нет."),
    "error_date": (
        "Күн КК.АА.ЖЖЖЖ (мысалы, 19.10.2009) немесе ЖЖЖЖ-АА-КК түрінде жазылған нақты күн болуы керек, «{value}» емес.",
        "Дата должна быть настоящей датой в виде ДД.ММ.ГГГГ (например, 19.10.2009) или ГГГГ-ММ-ДД, а не «{value}».",
    ),
    "error_page": ("Бет нөмірі 1-ден {max} дейінгі бүтін сан болуы керек, «{value}» емес.", "Номер страницы должен быть целым числом от 1 до {max}, а не «{value}»."),
    "error_version": (
        "«{value}» не редакцияның белгісі, не редакция қолданыста болған ЖЖЖЖ-АА-КК күні емес.",
        "«{value}» — не идентификатор редакции и не дата ГГГГ-ММ-ДД, на которую действовала какая-либо редакция.",
    ),
    "progress_texts": ("мәтін: {done}, {size} МБ, {rate} МБ/с", "текстов: {done}, {size} МБ, {rate} МБ/с"),
    "progress_left": ("{seconds} с қалды", "осталось {seconds} с"),
    "progress_acts": ("нұсқалары бар актілер: {done}/{total}, нұсқалар: {versions}", "актов с редакциями: {done}/{total}, редакций: {versions}"),
    "error_lang": ("Тіл kk немесе ru болуы керек, «{value}» емес.", "Язык должен быть kk или ru, а не «{value}»."),
    "error_server": ("Сервер бұл сұрауға жауап бере алмады.", "Сервер не смог ответить на этот запрос."),
    "error_bad_request": ("Сұрау дұрыс емес.", "Неверный запрос."),
}


def t(key: str, lang: str, **values: object) -> str:
    """The message `key` in `lang`, its ``{placeholders}`` filled from `values`."""
    kazakh, russian = MESSAGES[key]
    template = russian if lang == "ru" else kazakh
    return template.format(**values) if values else template


def status_reason(act: dict, lang: str) -> str:
    """On what an act's status (``acts.status``) rests: its stored basis
    (``status_basis_rule``, ``status_basis_data``, decided by `parser.document.decide_status`), in words."""
    return basis_text(act.get("status_basis_rule"), act.get("status_basis_data"), lang)


def status_word(status: str | None, lang: str) -> str:
    """A status code (an act's, or a point-in-time answer's) in words."""
    key = f"status_{status}"
    return t(key, lang) if key in MESSAGES else t("unknown", lang)


# --- Kinds of act and actions ----------------------------------------------------

#: Kind code -> (Kazakh, Russian), nominative, lower case: one form everywhere.
KIND_WORDS: dict[str, tuple[str, str]] = {
    "order": ("бұйрық", "приказ"),
    "joint_order": ("бірлескен бұйрық", "совместный приказ"),
    "resolution": ("қаулы", "постановление"),
    "decision": ("шешім", "решение"),
    "constitutional_law": ("конституциялық заң", "конституционный закон"),
    "law": ("заң", "закон"),
    "code": ("кодекс", "кодекс"),
    "decree": ("жарлық", "указ"),
    "disposition": ("өкім", "распоряжение"),
    "instruction": ("нұсқаулық", "инструкция"),
}


def kind_word(kind: str | None, lang: str) -> str:
    """An act's kind code as a word (``order`` -> ``бұйрық`` / ``приказ``)."""
    words = KIND_WORDS.get(kind or "")
    if words is None:
        return "акт"
    return words[1] if lang == "ru" else words[0]


#: Amendment action code -> (Kazakh, Russian).
ACTION_WORDS: dict[str, tuple[str, str]] = {
    "new_wording": ("жаңа редакцияда жазылды", "изложено в новой редакции"),
    "amended": ("өзгерістер енгізілді", "внесены изменения"),
    "inserted": ("толықтырылды", "дополнено"),
    "deleted": ("алып тасталды", "исключено"),
    "repealed": ("күші жойылды", "утратило силу"),
    "replaced_words": ("сөздер ауыстырылды", "заменены слова"),
    "other": ("өзгертілді", "изменено"),
}

#: Instruction operation code -> (Kazakh, Russian).
OPERATION_WORDS: dict[str, tuple[str, str]] = {
    "new_wording": ("жаңа редакцияда жазылсын", "изложить в новой редакции"),
    "insert": ("толықтырылсын", "дополнить"),
    "delete": ("алып тасталсын", "исключить"),
    "replace_words": ("сөздер ауыстырылсын", "заменить слова"),
    "delete_words": ("сөздер алып тасталсын", "исключить слова"),
    "repeal": ("күші жойылды деп танылсын", "признать утратившим силу"),
}


def action_word(action: str | None, lang: str) -> str:
    words = ACTION_WORDS.get(action or "other", ACTION_WORDS["other"])
    return words[1] if lang == "ru" else words[0]


def operation_word(operation: str | None, lang: str) -> str:
    words = OPERATION_WORDS.get(operation or "", ACTION_WORDS["other"])
    return words[1] if lang == "ru" else words[0]


def act_name(kind: str | None, number: str | None, date: str | None, lang: str) -> str:
    """An act as a lawyer names it: ``09.12.2010 № 954 бұйрық`` / ``приказ от 09.12.2010 № 954``."""
    number_text = f" № {number}" if number else ""
    day = to_display(date)
    if lang == "ru":
        return f"{kind_word(kind, lang)}{' от ' + day if day else ''}{number_text}"
    return f"{day + ' ' if day else ''}{number_text.strip()}{' ' if number_text else ''}{kind_word(kind, lang)}"


# --- Units named as a lawyer names them -------------------------------------------

#: Key prefix -> (Kazakh nominative, genitive, possessive, possessive genitive;
#: Russian nominative, genitive). ``doc`` (the approved document as a whole) is left out
#: of a name, as lawyers leave it out.
UNIT_WORDS: dict[str, tuple[str, str, str, str, str, str]] = {
    "p": ("тармақ", "тармақтың", "тармағы", "тармағының", "пункт", "пункта"),
    "sp": ("тармақша", "тармақшаның", "тармақшасы", "тармақшасының", "подпункт", "подпункта"),
    "i": ("абзац", "абзацтың", "абзацы", "абзацының", "абзац", "абзаца"),
    "ch": ("тарау", "тараудың", "тарауы", "тарауының", "глава", "главы"),
    "s": ("параграф", "параграфтың", "параграфы", "параграфының", "параграф", "параграфа"),
    "app": ("қосымша", "қосымшаның", "қосымшасы", "қосымшасының", "приложение", "приложения"),
    "t": ("кесте", "кестенің", "кестесі", "кестесінің", "таблица", "таблицы"),
    "r": ("жол", "жолдың", "жолы", "жолының", "строка", "строки"),
    "q": ("дәйексөз", "дәйексөздің", "дәйексөзі", "дәйексөзінің", "цитата", "цитаты"),
}

#: Whole-act parts named by a word alone.
PART_WORDS: dict[str, tuple[str, str]] = {
    "doc": ("бекітілген құжат", "утверждённый документ"),
    "title": ("атауы", "наименование"),
    "preamble": ("кіріспе", "преамбула"),
    "signature": ("қолтаңба", "подпись"),
    "approval": ("бекіту белгісі", "гриф утверждения"),
    "requisites": ("деректемелері", "реквизиты"),
    "status": ("мәртебесі", "статус"),
    "agreement": ("келісу белгісі", "гриф согласования"),
    "ministry": ("орган атауы", "наименование органа"),
    "qr": ("QR-код", "QR-код"),
}

_SEGMENT = re.compile(r"^(?P<prefix>[a-z]+)(?P<number>\d[\d-]*)?(?:~.*)?$")


@lru_cache(maxsize=65536)
def unit_name(key: str, lang: str) -> str:
    """A provision key as a lawyer names the unit: ``doc/p29/sp24`` ->
    ``29-тармақтың 24) тармақшасы`` / ``подпункт 24) пункта 29``; ``doc/app3/p7`` ->
    ``3-қосымшаның 7-тармағы`` / ``пункт 7 приложения 3``."""
    parts: list[tuple[tuple[str, ...], str | None]] = []
    segments = key.split("/")
    for segment in segments:
        match = _SEGMENT.match(segment)
        prefix = match.group("prefix") if match else segment
        if prefix in UNIT_WORDS:
            parts.append((UNIT_WORDS[prefix], match.group("number") if match else None))
        elif prefix == "doc" and len(segments) > 1:
            continue
        elif prefix in PART_WORDS:
            return PART_WORDS[prefix][1 if lang == "ru" else 0]
    if not parts:
        return key
    if lang == "ru":
        return " ".join(_russian_part(words, number, index == 0) for index, (words, number) in enumerate(reversed(parts)))
    last = len(parts) - 1
    return " ".join(_kazakh_part(words, number, 0 if last == 0 else 1 if index == 0 else 3 if index < last else 2) for index, (words, number) in enumerate(parts))


def _label(words: tuple[str, ...], number: str | None) -> str:
    if number is None:
        return ""
    return f"{number})" if words[0] == "тармақша" else number


def _kazakh_part(words: tuple[str, ...], number: str | None, form: int) -> str:
    """`form`: 0 nominative, 1 genitive (the outermost), 2 possessive (the innermost),
    3 possessive genitive (in between)."""
    label = _label(words, number)
    if not label:
        return words[form]
    return f"{label} {words[form]}" if label.endswith(")") else f"{label}-{words[form]}"


def _russian_part(words: tuple[str, ...], number: str | None, innermost: bool) -> str:
    word = words[4] if innermost else words[5]
    label = _label(words, number)
    return f"{word} {label}" if label else word


# --- Dates and their reasons ---------------------------------------------------------


def window_text(earliest: str | None, latest: str | None, lang: str) -> str:
    """A day, or a window between two days (an open end said in words)."""
    if earliest and earliest == latest:
        return to_display(earliest)
    if earliest and latest:
        return t("window_between", lang, earliest=to_display(earliest), latest=to_display(latest))
    if earliest:
        return t("window_open", lang, earliest=to_display(earliest))
    if latest:
        return t("window", lang, earliest="?", latest=to_display(latest))
    return t("unknown", lang)


def effective_text(row: dict, lang: str) -> str:
    """When a row of `db.schema.commencement_values` (an act, an amendment, a version)
    took effect: its day, its window, or not known."""
    status = row.get("date_status")
    if status == "exact" and row.get("effective_from"):
        return to_display(row["effective_from"])
    if status == "bounded":
        return window_text(row.get("effective_from_earliest"), row.get("effective_from_latest"), lang)
    return t("unknown", lang)


def commencement_text(row: dict, lang: str, floor: str | None = None, floor_is_registration: bool = False, with_window: bool = True) -> str:
    """Why a row took effect when it did, from its rule, its offset, its window and the
    day publication cannot precede (`floor`): one sentence in `lang`, ending with the
    day or window itself unless `with_window` is False (shown beside it already)."""
    rule = row.get("commencement_rule") or "unknown"
    if rule == "publication":
        months, days = row.get("commencement_offset_months"), row.get("commencement_offset_days")
        if months:
            text = t("rule_publication_months", lang, months=months)
        elif days:
            text = t("rule_publication_days", lang, days=days)
        else:
            text = t("rule_publication_0", lang)
        if row.get("date_status") != "exact" and floor:
            floor_word = t("floor_registration" if floor_is_registration else "floor_adoption", lang)
            text += "; " + t("publication_unknown", lang, floor_word=floor_word, floor=to_display(floor))
    elif rule == "fixed_date":
        text = t("rule_fixed_date", lang, date=to_display(row.get("commencement_fixed_date") or row.get("effective_from")) or "?")
    elif rule in ("signing", "see_act"):
        text = t(f"rule_{rule}", lang)
    else:
        text = t("rule_unknown", lang)
    return f"{text}: {effective_text(row, lang)}" if with_window else text


def act_commencement_text(act: dict, lang: str, with_window: bool = True) -> str:
    """`commencement_text` for an act row: publication cannot precede its registration
    (or, unregistered, its adoption)."""
    floor = act.get("registered_on") or act.get("adopted_on")
    return commencement_text(act, lang, floor, bool(act.get("registered_on")), with_window)


def amendment_commencement_text(amendment: dict, lang: str) -> str:
    """`commencement_text` for an amendment row: publication cannot precede the amending act's adoption."""
    return commencement_text(amendment, lang, amendment.get("amending_act_date"))


# --- The basis of a date or a wording --------------------------------------------------


@dataclass(frozen=True)
class _Said:
    """A basis taken apart for saying it: its dates and facts, its parts already said, the
    values a message fills in, and the reader's language."""

    rule: str
    dates: dict
    facts: dict
    parts: list[str]
    values: dict
    lang: str


def basis_text(rule: str | None, data: dict | str | None, lang: str) -> str:
    """A basis stored as data (`parser.basis.Basis`: a rule code and its JSON data, the
    ``*_basis_rule`` / ``*_basis_data`` columns) as one sentence in `lang`: the one place
    where the explanation of a date, a wording or a status is put into words, for the CLI,
    the pages, the JSON answers and (as the SQL function ``zan_basis``) Datasette. A rule
    with a sentence of its own is said by its entry in `_SAYERS`; any other by its
    ``basis_{rule}`` message."""
    if rule is None:
        return ""
    if isinstance(data, str):
        data = json.loads(data)
    data = data or {}
    dates, facts = data.get("dates") or {}, data.get("facts") or {}
    said = [basis_text(part.get("rule"), part, lang) for part in data.get("parts") or []]
    values: dict[str, object] = {name: to_display(value) for name, value in dates.items()}
    values.update(facts)
    act = data.get("act")  # [kind, number, date]
    if act is not None:
        values["act"] = act_name(*act, lang) if any(act) else t("act_not_named", lang)
    basis = _Said(rule, dates, facts, said, values, lang)
    sayer = _SAYERS.get(rule)
    return sayer(basis) if sayer else _by_message(basis, "version_wording_since" if rule == "version_wording" and act is not None else rule)


def _by_message(basis: _Said, rule: str) -> str:
    key = f"basis_{rule}"
    if key not in MESSAGES:
        return t("basis_unknown", basis.lang, rule=rule)
    values = dict(basis.values)
    values.setdefault("window", window_text(basis.dates.get("earliest"), basis.dates.get("latest"), basis.lang))
    values.setdefault("why", "; ".join(basis.parts))
    values.setdefault("when", "; ".join(basis.parts) or t("unknown", basis.lang))
    for name in ("text", "target", "line", "act", "version", "older", "newer", "as_at", "until"):
        values.setdefault(name, "?")
    return t(key, basis.lang, **values)


def _with_parts(basis: _Said) -> str:
    """The rule's own sentence, then what its parts say."""
    return "; ".join([_by_message(basis, basis.rule), *basis.parts])


def _period_text(facts: dict, lang: str) -> str:
    """A commencement clause's period after its anchor (signing or publication) in words."""
    anchor = "signing" if facts.get("anchor") == "signing" else "publication"
    if facts.get("months"):
        return t(f"rule_{anchor}_months", lang, months=facts["months"])
    if facts.get("days"):
        return t(f"rule_{anchor}_{'working_days' if facts.get('working') else 'days'}", lang, days=facts["days"])
    return t("rule_signing" if anchor == "signing" else "rule_publication_0", lang)


def _derived(basis: _Said) -> str:
    """How a day or window was derived from a clause's period: the period, then the rule's sentence."""
    return f"{_period_text(basis.facts, basis.lang)}; " + _by_message(basis, basis.rule)


def _derived_publication_not_held(basis: _Said) -> str:
    lang, facts = basis.lang, basis.facts
    floor_word = t("floor_registration" if facts.get("floor") == "registration" else "floor_adoption", lang)
    if facts.get("deadline_days"):
        latest = t("latest_by_deadline", lang, days=facts["deadline_days"], registered=to_display(basis.dates.get("registered")))
    else:
        latest = t("latest_working_days" if facts.get("working") else "latest_no_deadline", lang)
    return f"{_period_text(facts, lang)}; " + t("publication_unknown", lang, floor_word=floor_word, floor=to_display(basis.dates.get("floor"))) + f"; {latest}"


def _derived_from_publication(basis: _Said) -> str:
    source = basis.facts.get("source") or "publications.csv"
    return f"{_period_text(basis.facts, basis.lang)}; " + t("basis_derived_from_publication", basis.lang, published=basis.values.get("published"), source=source)


def _texts_disagree(basis: _Said) -> str:
    lang = basis.lang
    windows = basis.facts.get("windows") or {}
    said = "; ".join(f"{t(f'text_name_{code}', lang) if f'text_name_{code}' in MESSAGES else code}: {window_text(*window, lang)}" for code, window in windows.items())
    return t("basis_derived_texts_disagree", lang, said=said)


def _meta_state(basis: _Said, rule: str) -> str:
    meta = t(f"meta_{basis.facts.get('meta', 'none')}", basis.lang)
    return _by_message(replace(basis, values={**basis.values, "meta_said": meta}), rule)


def _repeal_in_other_text(basis: _Said) -> str:
    code = basis.facts.get("language")
    language = t(f"text_name_{code}", basis.lang) if f"text_name_{code}" in MESSAGES else "?"
    return _by_message(replace(basis, values={**basis.values, "language": language}), basis.rule)


#: The rules said by a function of their own (the others: their ``basis_{rule}`` message).
_SAYERS: dict[str, Callable[[_Said], str]] = {
    "and": lambda basis: "; ".join(basis.parts),
    "but": lambda basis: t("basis_but", basis.lang, first=basis.parts[0], second="; ".join(basis.parts[1:])),
    "commencement": lambda basis: _commencement_basis(basis.dates, basis.facts, basis.lang),
    "changed_by": lambda basis: t(
        "basis_changed_by", basis.lang, act=basis.values["act"], action=action_word(basis.facts.get("action"), basis.lang), when="; ".join(basis.parts)
    ),
    "in_force_since": lambda basis: _in_force_text(basis.dates, bool(basis.facts.get("ends")), basis.lang),
    "repeal_in_other_text": _repeal_in_other_text,
    "status_not_known": _with_parts,
    "derived_from_signing": _derived,
    "derived_beyond_calendar": _derived,
    "derived_undated": _derived,
    "derived_from_publication": _derived_from_publication,
    "derived_publication_not_held": _derived_publication_not_held,
    "derived_texts_disagree": _texts_disagree,
    "version_date_unknown": lambda basis: _meta_state(basis, "version_date_unknown"),
    "version_date_by_note": lambda basis: _meta_state(basis, "version_date_by_note"),
}


def _in_force_text(dates: dict, ends: bool, lang: str) -> str:
    """An `in_force_since` basis: since the day it took effect, or within the window it
    did (in force means its start has provably passed: the latest day is known), and until
    its end when one is recorded."""
    since, since_latest = dates.get("since"), dates.get("since_latest")
    if since and since == since_latest:
        text = t("in_force_since", lang, since=to_display(since))
    elif since:
        text = t("in_force_since_window", lang, earliest=to_display(since), latest=to_display(since_latest))
    else:
        text = t("in_force_since_by", lang, latest=to_display(since_latest))
    if not ends:
        return text
    until, until_latest = dates.get("until"), dates.get("until_latest")
    if until and until == until_latest:
        return f"{text}, " + t("in_force_until", lang, until=to_display(until))
    return f"{text}; " + t("in_force_until_window", lang, window=window_text(until, until_latest, lang))


def _commencement_basis(dates: dict, facts: dict, lang: str) -> str:
    """A `commencement` basis: the clause's rule and the day or window derived."""
    row = {
        "commencement_rule": facts.get("rule"),
        "commencement_offset_days": facts.get("days"),
        "commencement_offset_months": facts.get("months"),
        "commencement_fixed_date": dates.get("fixed"),
        "date_status": "exact" if dates.get("exact") else "bounded" if dates.get("earliest") or dates.get("latest") else "unknown",
        "effective_from": dates.get("exact"),
        "effective_from_earliest": dates.get("earliest"),
        "effective_from_latest": dates.get("latest"),
    }
    return commencement_text(row, lang, dates.get("floor"), facts.get("floor") == "registration")


# --- Problems of a build ---------------------------------------------------------------

#: Problem kind code -> (Kazakh, Russian): what the build could not do, or doubted.
PROBLEM_KINDS: dict[str, tuple[str, str]] = {
    "empty_file": ("файл бос", "файл пуст"),
    "binary_file": ("файл мәтін емес", "файл не является текстом"),
    "encoding": ("файлдың кодталуы UTF-8 емес", "кодировка файла не UTF-8"),
    "bad_meta": ("мета-файлды оқу мүмкін емес", "мета-файл не читается"),
    "meta_beside": ("мета-файл дереккөздің жанында емес", "мета-файл лежит не рядом с источником"),
    "link_out_of_corpus": ("сілтеме корпустан тыс файлға апарады", "ссылка ведёт на файл вне корпуса"),
    "no_header": ("актінің деректемелері табылмады", "реквизиты акта не найдены"),
    "no_title": ("актінің атауы табылмады", "наименование акта не найдено"),
    "no_act_identity": ("актіні анықтау мүмкін болмады", "акт не удалось определить"),
    "duplicate_act": ("бұл акт корпуста екі рет бар", "акт встречается в корпусе дважды"),
    "note_incomplete": ("ескертудегі өзгерткен акт толық оқылмады", "изменяющий акт в примечании прочитан не полностью"),
    "note_target_not_found": ("ескерту атаған бөлік мәтінде табылмады", "часть, названная в примечании, не найдена в тексте"),
    "note_target_unrecognized": ("ескерту қай бөлікке қатысты екені анықталмады", "не определено, к какой части относится примечание"),
    "uncertain_repair": ("экспорт бұзған жолды түзету күмәнді, жол өзгеріссіз қалды", "исправление испорченной экспортом строки сомнительно, строка оставлена как есть"),
    "letter_spacing": ("әріптер арасындағы бос орындар", "пробелы между буквами"),
    "date_mismatch": ("құжаттағы күндер бір-біріне сәйкес емес", "даты в документе не совпадают"),
    "date_order": ("күндердің реті дұрыс емес", "даты идут в неверном порядке"),
    "impossible_date": ("мүмкін емес күн", "невозможная дата"),
    "commencement_unknown": ("қолданысқа енгізілу тәртібі анықталмады", "порядок введения в действие не определён"),
    "numbering_jump": ("нөмірлеуде бос орын бар", "пропуск в нумерации"),
    "numbering_repeats": ("нөмір қайталанады", "номер повторяется"),
    "table_unreadable": ("кестені оқу мүмкін болмады", "таблица не читается"),
    "unclosed_quote": ("тырнақша жабылмаған", "кавычки не закрыты"),
    "version_undated": ("редакцияның күні анықталмады", "дата редакции не определена"),
    "version_meta_stale": ("мета-файл ертерек редакцияныкі: мәтін одан кейінгі өзгерісті көрсетеді", "мета-файл от более ранней редакции: текст содержит более позднее изменение"),
    "version_dated_by_note": ("мета-файл жоқ: редакция соңғы ескерту бойынша күнделді", "мета-файла нет: дата редакции взята из последнего примечания"),
    "version_cause_not_in_notes": ("редакцияны тудырған акт ескертулерде жоқ", "акта, вызвавшего редакцию, нет в примечаниях"),
    "citation_conflict": ("бір тіркеу нөмірі екі түрлі актіге сілтейді", "один регистрационный номер указывает на два разных акта"),
    "self_citation": ("акт өзіне сілтейді", "акт ссылается сам на себя"),
    "note_other_target": ("ескерту тағы бір бөлікті атайды, тек біріншісі оқылды", "примечание называет ещё одну часть, прочитана только первая"),
    "part_missing": ("индекс сілтейтін бөлік файлы корпуста жоқ", "файла части, на который ссылается оглавление, нет в корпусе"),
    "date_disagreement": ("банктің мета-файлы мен деректемелердегі күн сәйкес емес", "дата в мета-файле банка и в реквизитах не совпадает"),
    "language_disagreement": ("қазақша және орысша мәтіндер бір дерек бойынша сәйкес емес", "тексты на казахском и русском языках расходятся в одном факте"),
    "unit_without_translation": ("бөліктің екінші тілдегі мәтінде жұбы жоқ", "у части нет пары в тексте на другом языке"),
    "publications_row": ("publications.csv жолы оқылмады", "строка publications.csv не прочитана"),
    "publications_columns": ("publications.csv бағандары дұрыс емес", "неверные столбцы publications.csv"),
    "encoding_damage": ("файлдың кодталуы бүлінген", "кодировка файла повреждена"),
    "unknown_encoding": ("файлдың кодталуы белгісіз", "кодировка файла неизвестна"),
    "note_unparsed": ("ескерту оқылмады, өзгеріссіз сақталды", "примечание не прочитано, сохранено как есть"),
    "note_unrecognized": ("ескертуге ұқсас жол ескерту емес: заң мәтінінен бөлек сақталды", "строка похожа на примечание, но не прочитана: сохранена отдельно от текста закона"),
}


def problem_kind_text(kind: str | None, lang: str) -> str:
    """A problem's kind in words (a kind the catalogue does not know: "another problem")."""
    words = PROBLEM_KINDS.get(kind or "", ("басқа ақау", "другая проблема"))
    return words[1] if lang == "ru" else words[0]


def severity_word(severity: str | None, lang: str) -> str:
    key = f"severity_{severity}"
    return t(key, lang) if key in MESSAGES else t("unknown", lang)
