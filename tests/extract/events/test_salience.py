"""Salience, main events and the evidence offsets, on invented text through the real model."""

from __future__ import annotations

from _events import ner_entities, parse
from newsgraph.extract.events.core import events
from newsgraph.record import Entity, Event, Mention, TimeExpression


def run(nlp, text: str, times: dict[str, str] | None = None) -> list[Event]:
    """The events of ``text`` with the parser's names as entities and the given times (no other stage)."""
    doc = parse(nlp, text)
    entities = ner_entities(doc)
    tx = []
    for phrase, value in (times or {}).items():
        start = text.index(phrase)
        tx.append(TimeExpression(id=f"t{len(tx) + 1}", start=start, end=start + len(phrase), text=phrase,
                                 type="DATE", value=value))
    return events(doc, entities, tx, [], [])[0]

ARTICLE = (
    "Rebels seized the northern town of Kelso on Monday. "
    "The army launched an offensive against the rebels on Tuesday. "
    "Residents fled to the capital. "
    "\"We know the place,\" a farmer said. "
    "The town has a market and two schools. "
    "It is not clear when the fighting will end. "
    "Aid groups delivered food to the capital on Wednesday."
)


def test_main_events_are_the_acts_not_the_statements(nlp):
    evs = run(nlp, ARTICLE, {"Monday": "2024-03-04", "Tuesday": "2024-03-05", "Wednesday": "2024-03-06"})
    main = {e.predicate for e in evs if e.main}
    assert {"seize", "launch"} <= main
    assert "know" not in main  # a statement inside a quotation
    assert all(0.0 <= e.salience <= 1.0 for e in evs)
    know = next(e for e in evs if e.predicate == "know")
    seize = next(e for e in evs if e.predicate == "seize")
    assert seize.salience > know.salience


def test_trigger_and_argument_offsets_point_at_their_words(nlp):
    text = "The minister stepped down after the vote."
    (ev,) = [e for e in run(nlp, text) if e.predicate.startswith("step")]
    assert text[ev.trigger.start : ev.trigger.end] == "stepped down"
    assert text[ev.actor_span.start : ev.actor_span.end] == ev.actor_text


def test_predicate_text_keeps_the_phrase_as_written(nlp):
    text = "The governor offered to resign on Friday."
    (ev,) = [e for e in run(nlp, text) if e.predicate.startswith("offer")]
    assert ev.predicate_text == "offered to resign"
    text = "Ms. Lane became prime minister in 2019."
    (ev,) = [e for e in run(nlp, text) if e.predicate == "become"]
    assert ev.predicate_text == "became prime minister"


def test_a_pronoun_in_a_quotation_is_not_its_speaker(nlp):
    from newsgraph.record import Attribution, TextSpan

    text = 'Mayor John Lee praised the council. He added, "She built the plan with the unions."'
    doc = parse(nlp, text)
    lee = Entity(id="e1", name="John Lee", type="PERSON", mentions=[
        Mention(start=6, end=14, text="John Lee"), Mention(start=36, end=38, text="He", kind="pronoun")])
    start = text.index("She")
    quote = Attribution(id="a1", source=None, cue=None, kind="direct", quoted=True,
                        content=TextSpan(start=start, end=len(text) - 2, text=text[start:-2]))
    evs = events(doc, [lee], [], [], [quote])[0]
    (build,) = [e for e in evs if e.predicate == "build"]
    assert build.actor is None and build.actor_text == "She"
    assert build.target != "e1"


#: Background clauses, each with its own verb (a repeated one would be a cue of its own).
BACKGROUND_VERBS = ["painted", "repaired", "visited", "described", "photographed", "cleaned", "measured", "admired",
                    "sketched", "mapped", "guarded", "watered", "counted", "decorated", "studied", "fenced",
                    "lit", "swept", "polished", "named", "praised", "rented", "heated", "moved", "copied",
                    "weighed", "tested", "stored", "labelled", "printed"]
BACKGROUND_NOUNS = ["the old quay", "the lighthouse", "the chapel", "the market hall", "the school", "the bridge"]


def _long_article(n_background: int) -> str:
    lead = ("Rebels seized the port of Kelso on Monday. The army launched an offensive against the rebels. "
            "Residents fled to the capital. Aid groups delivered food to the refugees. ")
    filler = " ".join(
        f"Local people once {BACKGROUND_VERBS[i % len(BACKGROUND_VERBS)]} "
        f"{BACKGROUND_NOUNS[(i // len(BACKGROUND_VERBS) + i) % len(BACKGROUND_NOUNS)]}."
        for i in range(n_background))
    return lead + filler


def test_main_event_count_does_not_grow_with_the_article(nlp):
    from newsgraph.extract.events.salience import MAX_MAIN

    mid = [e for e in run(nlp, _long_article(20)) if e.main]
    long = [e for e in run(nlp, _long_article(60)) if e.main]
    assert len(long) <= MAX_MAIN
    assert len(long) <= len(mid)  # forty more sentences of background are not more news
    assert {"seize", "launch"} <= {e.predicate for e in long}


def test_main_events_stand_out_from_the_best_one(nlp):
    from newsgraph.extract.events.salience import MAIN_RELATIVE, MIN_MAIN_SALIENCE, main_count

    evs = run(nlp, _long_article(30))
    best = max(e.salience for e in evs)
    floor = max(MIN_MAIN_SALIENCE, MAIN_RELATIVE * best)  # the relative floor, or the absolute one above it
    main = [e for e in evs if e.main]
    assert main
    assert all(e.salience >= floor for e in main)
    # Over the floor, only the count leaves an event out (34 sentences: the count is full).
    over = [e for e in evs if not e.main and e.salience >= floor]
    assert over and len(main) == main_count(34)
    assert all(e.salience <= min(m.salience for m in main) for e in over)


def test_a_line_that_does_not_end_as_a_sentence_is_discounted(nlp):
    """A link to another story at the end ("Mayor warns ...", no full stop) is not this article's news."""
    def warn(ending: str) -> float:
        text = ARTICLE + "\n\nThe mayor warned shopkeepers about the curfew" + ending + "\n"
        return next(e for e in run(nlp, text) if e.predicate == "warn").salience

    assert warn("") < warn(".")


def test_one_happening_told_many_times_is_main_at_most_max_per_predicate(nlp):
    # Invented: the same act ("arrive") in five sentences, each with a resolved actor; the other acts differ.
    text = (
        "Police arrived at the Dunmore plant on Friday. "
        "Firefighters arrived at the Dunmore plant an hour later. "
        "Medics arrived at the gate. "
        "Inspectors arrived from the capital. "
        "Reporters arrived at noon. "
        "The owners closed the plant. "
        "Workers blocked the road. "
        "The mayor ordered an inquiry."
    )
    from newsgraph.extract.events.salience import MAX_PER_PREDICATE

    main = [e.predicate.split()[0] for e in run(nlp, text) if e.main]
    assert main.count("arrive") <= MAX_PER_PREDICATE
    assert {"close", "block", "order"} & set(main)


def test_one_act_of_two_named_actors_is_two_happenings(nlp):
    # Invented: two named people resign; a reader lists both (one predicate lemma, two actor entities).
    text = (
        "Maria Costa resigned from the Harlow board on Monday. "
        "John Okafor resigned from the Harlow council on Tuesday. "
        "The board met in the town hall. "
        "Workers painted the hall."
    )
    resign = [e for e in run(nlp, text) if e.predicate == "resign"]
    assert len({e.actor for e in resign}) == 2 and None not in {e.actor for e in resign}
    assert all(e.main for e in resign)


def test_one_clause_with_joined_actors_is_main_once(nlp):
    # Invented: "the mayor and the governor" give two events of one verb; a reader lists the act once.
    text = (
        "The mayor and the governor condemned the Harlow strike on Monday. "
        "Workers walked out of the Harlow depot. "
        "The union rejected the offer. "
        "Managers closed the depot gates."
    )
    evs = run(nlp, text)
    condemn = [e for e in evs if e.predicate == "condemn"]
    assert len(condemn) == 2  # the parse gives one event per joined actor
    assert sum(e.main for e in condemn) == 1


def test_the_content_of_a_report_counts_as_the_sentence_s_own_clause(nlp):
    # Invented: the same act told as what the police said and as what a video shows; the second is the
    # video's evidence, not news of its own, and counts less.
    from newsgraph.record import Attribution, TextSpan

    tail = " Residents cleaned the square. The council repaired the fountain."
    said = "Police said the gang robbed the Elmsford bank on Monday." + tail
    shows = "The video shows the gang robbed the Elmsford bank on Monday." + tail
    start, end = said.index("the gang"), said.index(" Residents") - 1
    report = Attribution(id="a1", source=None, kind="indirect", cue=TextSpan(start=7, end=11, text="said"),
                         content=TextSpan(start=start, end=end, text=said[start:end]))
    doc = parse(nlp, said)
    rob_said = next(e for e in events(doc, ner_entities(doc), [], [], [report])[0] if e.predicate == "rob")
    rob_shown = next(e for e in run(nlp, shows) if e.predicate == "rob")
    assert rob_said.salience > rob_shown.salience


def test_a_fronted_adverbial_clause_is_background(nlp):
    # Invented: the same clause (its actor a name) before and after the clause it modifies, after the first
    # sentence.
    first = "Rebels seized the town of Kelso on Monday. "
    fronted = first + "When Maria Costa reached Kelso, the residents fled to the hills."
    trailing = first + "The residents fled to the hills when Maria Costa reached Kelso."
    reach_fronted = next(e for e in run(nlp, fronted) if e.predicate == "reach")
    reach_trailing = next(e for e in run(nlp, trailing) if e.predicate == "reach")
    assert reach_fronted.salience < reach_trailing.salience


def test_the_first_sentence_keeps_its_fronted_clause(nlp):
    # Invented: in the first sentence (a headline or the lead) a fronted clause is part of the news.
    text = "When the army reached Kelso, the residents fled to the hills. Aid groups sent food."
    reach = next(e for e in run(nlp, text) if e.predicate == "reach")
    from newsgraph.extract.events.salience import BACKGROUND_FACTOR

    later = next(e for e in run(nlp, "Aid groups sent food. " + text) if e.predicate == "reach")
    assert later.salience < reach.salience
    assert later.salience <= round(reach.salience * BACKGROUND_FACTOR, 3) + 0.05


def test_a_clause_after_a_preposition_is_its_host_s_circumstance(nlp, monkeypatch):
    # Invented: "for stealing" is the object of a preposition; the act told is the jailing.
    from newsgraph.extract.events import salience

    text = "Rebels seized the town of Kelso. The court jailed Maria Costa for stealing the Harlow payroll."
    steal = next(e for e in run(nlp, text) if e.predicate == "steal")
    monkeypatch.setattr(salience, "SUBORDINATE_FACTORS", {"ccomp": 0.6})
    undiscounted = next(e for e in run(nlp, text) if e.predicate == "steal")
    assert steal.salience < undiscounted.salience
