"""Provision timelines and the answer they give for a date (`parser.timeline`), on the
real seeds parsed without publication dates.

What the seeds give (see tests/test_temporal.py for the day counting):

- seed 000 (V090005853_): in force from first publication, which is not before
  registration 2009-11-11 and has no known deadline, so the start is the window
  [2009-11-11, ?]; repealed from signing of order № 394 on 2012-06-06 (exact). Order
  № 954 of 09.12.2010 (ten days after publication: [2010-12-20, ?]) changed p1, the
  heading of the Rules, doc/p1, doc/p6, doc/p7, doc/p9, doc/p10, doc/p11; doc/p15 was
  changed by an act the note no longer names legibly (date unknown).
- seed 002 (V1500011361): start [2015-06-27, ?]; order № 589 of 04.08.2017 gave new
  wordings from the fixed date 01.01.2018 to the title, p1 and the whole approved Rules
  (doc): "Қағида жаңа редакцияда" covers every unit inside doc.
- seed 003 (order-2011-01-05-7): start [2011-02-25, ?]; the Rules (doc) got a new
  wording by order № 479 of 17.08.2013 ([2013-08-28, ?]); appendix 3 was inserted by
  order № 230 of 05.05.2014 ([2014-05-16, ?]); chapter headings by order № 286 of
  29.05.2018 ([2018-06-09, ?]).
"""

from __future__ import annotations

import datetime as dt

import pytest

from parser.timeline import Basis, Bound, act_versions, answer_on, build_timelines, existence_on

ORDER_230 = {"kind": "order", "number": "230", "date": "2014-05-05"}
ORDER_394 = {"kind": "order", "number": "394", "date": "2012-06-06"}
ORDER_954 = {"kind": "order", "number": "954", "date": "2010-12-09"}


def rules(basis: Basis) -> list[str]:
    """A basis's rules, depth first: what an answer's reason is made of."""
    return [basis.rule] + [rule for part in basis.parts for rule in rules(part)]


def starts(answer) -> Basis:
    """The basis of the bound an answer's status rests on (``not_yet``/``maybe_not_yet``)."""
    status = answer.basis.parts[0] if answer.basis.rule == "and" else answer.basis
    return status.parts[0]

STATUSES = {"in_force", "not_in_force", "uncertain"}


def day_before(iso: str) -> str:
    return (dt.date.fromisoformat(iso) - dt.timedelta(days=1)).isoformat()


@pytest.fixture(scope="module")
def timelines(seeds):
    return {prefix: build_timelines(document) for prefix, document in seeds.items()}


@pytest.fixture(scope="module")
def on(timelines):
    """``on("003", "doc/app3", "2014-05-16")`` -> the Answer for that unit on that date."""

    def answer(prefix: str, key: str, date: str):
        return answer_on(timelines[prefix].versions[key], date)

    return answer


# --- The shape of a timeline ------------------------------------------------------------


def test_every_provision_has_a_timeline_and_only_the_last_version_holds_text(seeds, timelines, prefix):
    document, timeline = seeds[prefix], timelines[prefix]
    assert list(timeline.versions) == [p.key for p in document.provisions]
    for provision in document.provisions:
        versions = timeline.versions[provision.key]
        assert versions, provision.key
        *earlier, last = versions
        assert (last.text_known, last.text) == (True, provision.text), provision.key
        for version in earlier:
            assert (version.text_known, version.text) == (False, None), provision.key


def test_versions_follow_each_other_without_gaps(timelines, prefix):
    """The end of a version is the start of the next (the same bound, same dates)."""
    for key, versions in timelines[prefix].versions.items():
        for version, following in zip(versions, versions[1:]):
            assert version.end is not None, key
            assert (version.end.earliest, version.end.latest) == (following.start.earliest, following.start.latest), key


def test_no_bound_is_inverted(timelines, prefix):
    for key, versions in timelines[prefix].versions.items():
        for version in versions:
            for bound in (version.start, version.end):
                if bound is not None and bound.earliest and bound.latest:
                    assert bound.earliest <= bound.latest, key


# --- The act as a whole ---------------------------------------------------------------


def test_seed_000_act_start_is_a_window_opened_by_registration_and_its_end_is_exact(timelines):
    timeline = timelines["000"]
    assert (timeline.act_start.earliest, timeline.act_start.latest) == ("2009-11-11", None)
    assert (timeline.act_end.earliest, timeline.act_end.latest) == ("2012-06-06", "2012-06-06")
    basis = timeline.act_end.basis
    assert (basis.rule, basis.act, basis.facts) == ("changed_by", ORDER_394, {"action": "repealed"})


@pytest.mark.parametrize(
    "date, status, earliest, latest",
    [
        ("2009-10-19", "not_in_force", "2009-11-11", None),  # adopted, not yet published
        ("2009-11-10", "not_in_force", "2009-11-11", None),  # the day before the window
        ("2009-11-11", "uncertain", "2009-11-11", None),  # published on or after this day
        ("2011-06-01", "uncertain", "2009-11-11", None),  # no publication deadline before 2017
        ("2012-06-05", "uncertain", "2009-11-11", None),  # the day before the repeal: as before
        ("2012-06-06", "not_in_force", "2012-06-06", "2012-06-06"),  # repealed from signing
        ("2020-01-01", "not_in_force", "2012-06-06", "2012-06-06"),
    ],
)
def test_seed_000_the_act_on_a_date(timelines, date, status, earliest, latest):
    answer = answer_on(act_versions(timelines["000"]), date)
    assert (answer.status, answer.earliest, answer.latest) == (status, earliest, latest)


@pytest.mark.parametrize(
    "prefix, window",
    [("001", ("2022-03-07", "2022-04-06")), ("004", ("2025-02-07", "2025-03-09"))],
)
def test_acts_registered_since_2017_have_a_closed_window(timelines, prefix, window):
    """Registered on R: in force from [R+11, R+30+11]."""
    earliest, latest = window
    versions = act_versions(timelines[prefix])
    assert answer_on(versions, day_before(earliest)).status == "not_in_force"
    assert (answer_on(versions, earliest).status, answer_on(versions, earliest).earliest, answer_on(versions, earliest).latest) == (
        "uncertain",
        earliest,
        latest,
    )
    assert answer_on(versions, day_before(latest)).status == "uncertain"
    assert answer_on(versions, latest).status == "in_force"


# --- Inserted units: seed 003, appendix 3 (order № 230 of 05.05.2014) --------------------


@pytest.mark.parametrize("key", ["doc/app3", "doc/app3/ch1", "doc/app3/p1", "doc/app3/p7"])
def test_inserted_unit_did_not_exist_before_its_window(on, key):
    before = on("003", key, "2014-05-15")
    assert (before.status, before.text_known, before.text) == ("not_in_force", False, None)
    assert (before.earliest, before.latest) == ("2014-05-16", None)
    assert rules(before.basis) == ["not_yet", "changed_by", "commencement"]
    assert (starts(before).act, starts(before).facts) == (ORDER_230, {"action": "inserted"})
    # also long before, while the act itself was (maybe) in force
    assert on("003", key, "2012-01-01").status == "not_in_force"


@pytest.mark.parametrize("date", ["2014-05-16", "2016-01-01"])
def test_inserted_unit_is_uncertain_inside_its_window(on, date):
    answer = on("003", "doc/app3", date)
    assert (answer.status, answer.earliest, answer.latest) == ("uncertain", "2014-05-16", None)
    assert rules(answer.basis)[:3] == ["and", "maybe_not_yet", "changed_by"] and starts(answer).act == ORDER_230


def test_a_new_wording_of_the_container_before_an_insertion_does_not_touch_the_inserted_units(timelines):
    # order № 479 (2013) rewrote the whole Rules, a year before appendix 3 was inserted
    versions = timelines["003"].versions["doc/app3/p1"]
    assert len(versions) == 1
    assert (versions[0].start.earliest, versions[0].start.latest) == ("2014-05-16", None)
    # an older unit of the Rules is covered by it
    paragraph = timelines["003"].versions["doc/p1"]
    assert [(v.start.earliest, v.text_known) for v in paragraph] == [("2011-02-25", False), ("2013-08-28", True)]


# --- Rewritten units --------------------------------------------------------------------


def test_seed_002_p1_wording_boundary_is_exactly_the_fixed_date(on, unit):
    before = on("002", "p1", "2017-12-31")
    after = on("002", "p1", "2018-01-01")
    assert (before.text_known, before.text) == (False, None)
    assert before.wording == Basis("earlier_wording_not_held", act={"kind": "order", "number": "589", "date": "2017-08-04"})
    assert (after.text_known, after.text) == (True, unit("002", "p1").text)
    assert after.text.startswith("1. Қоса беріліп отырған Қазақстан Республикасы азаматтарының")


def test_seed_002_title_heading_note_covers_the_title(on):
    assert on("002", "title", "2017-12-31").text_known is False
    assert on("002", "title", "2018-01-01").text_known is True


def test_seed_002_new_wording_of_the_rules_covers_every_unit_inside_them(seeds, on):
    inside = [p.key for p in seeds["002"].provisions if p.key == "doc" or p.key.startswith("doc/")]
    assert len(inside) == 56 and "doc/p3/sp2/i1" in inside
    for key in inside:
        assert on("002", key, "2017-12-31").text_known is False, key
        assert on("002", key, "2018-01-01").text_known is True, key


@pytest.mark.parametrize("key", ["p2", "p2/sp1", "p3", "p4", "preamble"])
def test_seed_002_units_outside_the_rules_keep_their_wording(on, unit, key):
    answer = on("002", key, "2017-12-31")
    assert (answer.status, answer.text_known, answer.text) == ("uncertain", True, unit("002", key).text)
    assert answer.wording == Basis("current_no_note")


def test_seed_000_rules_paragraph_1_wording_before_order_954_is_not_held(on):
    answer = on("000", "doc/p1", "2010-01-01")
    assert (answer.status, answer.text_known, answer.text) == ("uncertain", False, None)
    assert answer.wording == Basis("earlier_wording_not_held", act=ORDER_954)


def test_seed_000_inside_the_window_of_order_954_the_wording_is_not_known(on):
    # from 2010-12-20 the new wording may apply, and nothing says by when it did
    for date in ("2010-12-20", "2012-06-05"):
        answer = on("000", "doc/p1", date)
        assert (answer.status, answer.text_known) == ("uncertain", False), date
        wording = answer.wording
        assert (wording.rule, wording.dates["earliest"], wording.parts[0].act) == ("wording_changed_in", "2010-12-20", ORDER_954)


def test_seed_000_heading_note_covers_the_rules_heading_only(on, unit):
    assert on("000", "doc", "2010-01-01").text_known is False
    untouched = on("000", "doc/p2", "2010-01-01")
    assert (untouched.text_known, untouched.text) == (True, unit("000", "doc/p2").text)


def test_seed_000_note_on_a_paragraph_covers_its_subparagraphs(on):
    # "6-тармаққа өзгерту енгізілді" (order № 954): the wording of 6.8) before it is not held
    assert on("000", "doc/p6/sp8", "2010-01-01").text_known is False


def test_seed_000_change_by_an_unreadable_act_leaves_the_wording_unknown(on, timelines):
    versions = timelines["000"].versions["doc/p15"]
    assert (versions[1].start.earliest, versions[1].start.latest) == (None, None)
    answer = on("000", "doc/p15", "2012-06-05")
    assert (answer.status, answer.text_known, answer.text) == ("uncertain", False, None)


def test_seed_003_heading_note_covers_the_chapter_heading_not_its_paragraphs(timelines):
    chapter = timelines["003"].versions["doc/ch1"]
    assert [v.start.earliest for v in chapter] == ["2011-02-25", "2013-08-28", "2018-06-09"]
    paragraph = timelines["003"].versions["doc/p1"]
    assert "2018-06-09" not in [v.start.earliest for v in paragraph]


def test_seed_003_two_changes_of_one_paragraph_in_the_order_of_their_acts(timelines):
    # doc/p23: the Rules' new wording (№ 479 of 2013), then its own (№ 230 of 2014)
    versions = timelines["003"].versions["doc/p23"]
    assert [(v.start.earliest, v.text_known) for v in versions] == [("2011-02-25", False), ("2013-08-28", False), ("2014-05-16", True)]
    assert versions[0].basis == Basis("earlier_wording_not_held", act={"kind": "order", "number": "479", "date": "2013-08-17"})
    assert versions[1].basis == Basis("earlier_wording_not_held", act=ORDER_230)
    assert versions[2].basis == Basis("current_since_change", act=ORDER_230)


# --- Status and wording are two questions ------------------------------------------------


def test_uncertain_with_the_wording_known(on, unit):
    """Appendix 3's first paragraph: whether it was in force on 2016-01-01 is not provable,
    but if it was, its wording was the current one (no later change)."""
    answer = on("003", "doc/app3/p1", "2016-01-01")
    assert (answer.status, answer.text_known) == ("uncertain", True)
    assert answer.text == unit("003", "doc/app3/p1").text


def test_not_in_force_never_carries_a_text(timelines, prefix):
    for key, versions in timelines[prefix].versions.items():
        for date in ("2000-01-01", "2012-06-06"):
            answer = answer_on(versions, date)
            assert answer.status in STATUSES
            if answer.status == "not_in_force":
                assert (answer.text_known, answer.text) == (False, None), key


# --- existence_on at the boundaries -------------------------------------------------------


def test_exact_bounds_are_inclusive_at_the_start_and_exclusive_at_the_end():
    start = Bound("2018-01-01", "2018-01-01", "fixed")
    end = Bound("2020-03-01", "2020-03-01", "repealed")
    assert existence_on(start, end, "2017-12-31")[0] == "not_in_force"
    assert existence_on(start, end, "2018-01-01")[0] == "in_force"
    assert existence_on(start, end, "2020-02-29")[0] == "in_force"
    assert existence_on(start, end, "2020-03-01")[0] == "not_in_force"


def test_windows_give_uncertain_between_their_dates_inclusive_of_earliest_only():
    start = Bound("2022-03-07", "2022-04-06", "window")
    assert existence_on(start, None, "2022-03-06")[0] == "not_in_force"
    status, _, earliest, latest = existence_on(start, None, "2022-03-07")
    assert (status, earliest, latest) == ("uncertain", "2022-03-07", "2022-04-06")
    assert existence_on(start, None, "2022-04-05")[0] == "uncertain"
    assert existence_on(start, None, "2022-04-06")[0] == "in_force"
    end = Bound("2023-03-20", None, "repeal window")
    exact_start = Bound("2011-02-25", "2011-02-25", "exact")
    assert existence_on(exact_start, end, "2023-03-19")[0] == "in_force"
    status, _, earliest, latest = existence_on(exact_start, end, "2023-03-20")
    assert (status, earliest, latest) == ("uncertain", "2023-03-20", None)


def test_a_bound_with_no_dates_is_never_passed_nor_ahead():
    unknown = Bound(None, None, "unknown")
    assert not unknown.passed("2100-01-01") and not unknown.ahead("1900-01-01")


# --- Data-quality problems the parser reports --------------------------------------------


def test_seed_003_stamp_date_differs_from_the_header(seeds):
    mismatches = [p for p in seeds["003"].problems if p.kind == "date_mismatch"]
    assert [(p.severity, p.source_line) for p in mismatches] == [("warning", 37)]
    assert "2011-02-05" in mismatches[0].message and "2011-01-05" in mismatches[0].message


# --- Explanations as data ------------------------------------------------------------------


def test_every_basis_of_the_seeds_survives_being_stored(timelines):
    """A basis is stored as its rule and JSON data and read back whole: what the database
    holds is what the parser said, parts and act included."""
    stored = 0
    for timeline in timelines.values():
        for versions in timeline.versions.values():
            for version in versions:
                for basis in (version.basis, version.start.basis, version.end.basis if version.end else None):
                    if basis is None:
                        continue
                    assert Basis.from_stored(basis.rule, basis.data_json()) == basis
                    stored += 1
    assert stored > 3000


def test_a_change_rests_on_the_amending_acts_commencement(timelines):
    """Seed 003's appendix 3 was inserted by order № 230: its start is that change, which
    rests on the order's commencement (ten days after a publication the corpus does not
    date, so no earlier than 16.05.2014), stored as data, never as a sentence."""
    start = timelines["003"].versions["doc/app3"][0].start.basis
    assert start.as_dict() == {
        "rule": "changed_by",
        "act": ["order", "230", "2014-05-05"],
        "facts": {"action": "inserted"},
        "parts": [{"rule": "commencement", "dates": {"earliest": "2014-05-16", "floor": "2014-05-05"}, "facts": {"rule": "publication", "days": 10}}],
    }
