"""Source resolution (``attribution.sources``) on hand-built parses and hand-built entity records."""

from __future__ import annotations

from spacy.tokens import Doc

from _docs import parse
from newsgraph.extract.attribution.sources import SourceResolver
from newsgraph.record import Entity, Mention


def entity(doc: Doc, eid: str, label: str, *spans: tuple[int, int]) -> Entity:
    """An entity record whose mentions are the token spans ``spans`` of ``doc``."""
    mentions = [Mention(start=doc[s:e].start_char, end=doc[s:e].end_char, text=doc[s:e].text) for s, e in spans]
    return Entity(id=eid, name=mentions[0].text, type=label, mentions=mentions)


def sources_of(doc: Doc, entities: list[Entity], heads: list[int]):
    """Resolve the source phrases headed by ``heads`` in order; the records and each head's source id."""
    resolver = SourceResolver(doc, entities)
    idxs = [resolver.resolve(doc[h]) for h in heads]
    records, ids = resolver.records()
    return records, [ids[i] if i is not None else None for i in idxs]


LEE_THEN_LEE = """
0 Ann 1 compound PROPN NNP Ann B-PERSON
1 Lee 2 nsubj PROPN NNP Lee I-PERSON
2 said 2 ROOT VERB VBD say
3 talks 4 nsubj NOUN NNS talk
4 failed 2 ccomp VERB VBD fail
5 . 2 punct PUNCT . .
6 {second} 7 nsubj PROPN NNP {second} B-PERSON
7 added 7 ROOT VERB VBD add
8 more 7 dobj ADJ JJR more
9 . 7 punct PUNCT . .
"""


def test_named_person_is_a_person_source_linked_to_its_entity():
    doc = parse(LEE_THEN_LEE.format(second="Lee"))
    records, ids = sources_of(doc, [entity(doc, "e1", "PERSON", (0, 2), (6, 7))], [1])
    assert ids == ["s1"]
    (source,) = records
    assert (source.kind, source.entity, source.anonymous, source.description) == ("person", "e1", False, "Ann Lee")


def test_mentions_of_one_entity_are_one_source():
    doc = parse(LEE_THEN_LEE.format(second="Lee"))
    records, ids = sources_of(doc, [entity(doc, "e1", "PERSON", (0, 2), (6, 7))], [1, 6])
    assert ids == ["s1", "s1"]
    assert [m.text for m in records[0].mentions] == ["Ann Lee", "Lee"]


def test_surname_alone_joins_the_person_named_in_full():
    # No entity records: the resolver falls back on the Doc's own entity spans, unlinked.
    doc = parse(LEE_THEN_LEE.format(second="Lee"))
    records, ids = sources_of(doc, [], [1, 6])
    assert ids == ["s1", "s1"] and len(records) == 1


def test_another_surname_is_another_source():
    doc = parse(LEE_THEN_LEE.format(second="Kim"))
    records, ids = sources_of(doc, [], [1, 6])
    assert ids == ["s1", "s2"]
    assert [r.kind for r in records] == ["person", "person"]


ANONYMOUS = """
0 {det} 1 {det_dep} {det_pos} {det_tag} {det_lemma}
1 {noun} 2 nsubj NOUN {tag} {lemma}
2 said 2 ROOT VERB VBD say
3 talks 4 nsubj NOUN NNS talk
4 failed 2 ccomp VERB VBD fail
5 . 2 punct PUNCT . .
"""


def anonymous(det: str, noun: str, *, number: bool = False, plural: bool = True) -> Doc:
    dep, pos, tag = ("nummod", "NUM", "CD") if number else ("det", "DET", "DT")
    lemma = noun[:-1] if plural and noun.endswith("s") else noun
    return parse(
        ANONYMOUS.format(
            det=det, det_dep=dep, det_pos=pos, det_tag=tag, det_lemma=det.lower(),
            noun=noun, tag="NNS" if plural else "NN", lemma=lemma,
        )
    )  # fmt: skip


def test_unnamed_officials_are_an_anonymous_source_with_their_count():
    records, _ = sources_of(anonymous("Two", "officials", number=True), [], [1])
    (source,) = records
    assert (source.kind, source.anonymous, source.count, source.entity) == ("anonymous", True, 2, None)
    assert source.description == "Two officials"


def test_a_single_unnamed_person_counts_one():
    records, _ = sources_of(anonymous("A", "person", plural=False), [], [1])
    assert (records[0].anonymous, records[0].count) == (True, 1)


def test_officials_without_a_number_have_no_count():
    records, _ = sources_of(anonymous("The", "officials"), [], [1])
    assert records[0].anonymous and records[0].count is None


TWO_THEN_THE = """
0 Two 1 nummod NUM CD two
1 officials 2 nsubj NOUN NNS official
2 said 2 ROOT VERB VBD say
3 talks 4 nsubj NOUN NNS talk
4 failed 2 ccomp VERB VBD fail
5 . 2 punct PUNCT . .
6 {det} 7 {dep} {pos} {tag} {lemma}
7 {noun} 8 nsubj {npos} {ntag} {nlemma}
8 added 8 ROOT VERB VBD add
9 more 8 dobj ADJ JJR more
10 . 8 punct PUNCT . .
"""


def later(det: str, dep: str, pos: str, tag: str, noun: str, npos: str, ntag: str, nlemma: str) -> Doc:
    return parse(
        TWO_THEN_THE.format(det=det, dep=dep, pos=pos, tag=tag, lemma=det.lower(),
                            noun=noun, npos=npos, ntag=ntag, nlemma=nlemma)
    )  # fmt: skip


def test_definite_description_with_the_same_head_is_the_earlier_anonymous_source():
    doc = later("The", "det", "DET", "DT", "officials", "NOUN", "NNS", "official")
    records, ids = sources_of(doc, [], [1, 7])
    assert ids == ["s1", "s1"] and len(records) == 1


def test_indefinite_description_with_the_same_head_is_a_new_source():
    doc = later("Three", "nummod", "NUM", "CD", "officials", "NOUN", "NNS", "official")
    records, ids = sources_of(doc, [], [1, 7])
    assert ids == ["s1", "s2"]
    assert [r.count for r in records] == [2, 3]


def test_definite_description_with_another_head_is_another_source():
    doc = later("The", "det", "DET", "DT", "diplomats", "NOUN", "NNS", "diplomat")
    _, ids = sources_of(doc, [], [1, 7])
    assert ids == ["s1", "s2"]


def test_they_is_the_latest_anonymous_source():
    doc = parse(
        TWO_THEN_THE.replace("6 {det} 7 {dep} {pos} {tag} {lemma}\n", "6 They 8 nsubj PRON PRP they\n").replace(
            "7 {noun} 8 nsubj {npos} {ntag} {nlemma}\n", "7 then 8 advmod ADV RB then\n"
        )
    )
    _, ids = sources_of(doc, [], [1, 6])
    assert ids == ["s1", "s1"]


def test_he_is_the_latest_person_named():
    doc = parse(
        LEE_THEN_LEE.format(second="He").replace("6 He 7 nsubj PROPN NNP He B-PERSON", "6 He 7 nsubj PRON PRP he")
    )
    records, ids = sources_of(doc, [entity(doc, "e1", "PERSON", (0, 2))], [1, 6])
    assert ids == ["s1", "s1"]
    assert [m.text for m in records[0].mentions] == ["Ann Lee", "He"]


def test_unresolved_first_person_pronoun_is_no_source_of_its_own():
    doc = parse(LEE_THEN_LEE.format(second="I").replace("6 I 7 nsubj PROPN NNP I B-PERSON", "6 I 7 nsubj PRON PRP I"))
    records, ids = sources_of(doc, [entity(doc, "e1", "PERSON", (0, 2))], [1, 6])
    assert ids == ["s1", None]
    assert len(records) == 1


def test_first_person_pronoun_the_entity_stage_resolved_is_that_entity_source():
    doc = parse(LEE_THEN_LEE.format(second="I").replace("6 I 7 nsubj PROPN NNP I B-PERSON", "6 I 7 nsubj PRON PRP I"))
    records, ids = sources_of(doc, [entity(doc, "e1", "PERSON", (0, 2), (6, 7))], [1, 6])
    assert ids == ["s1", "s1"]
    assert records[0].entity == "e1" and records[0].description == "Ann Lee"
    assert [m.text for m in records[0].mentions] == ["Ann Lee", "I"]


def kind_of(det: str, noun: str, lemma: str, tag: str = "NN", ent: str = "O") -> str:
    doc = parse(f"""
0 {det} 1 det DET DT {det.lower()}
1 {noun} 2 nsubj NOUN {tag} {lemma} {ent}
2 said 2 ROOT VERB VBD say
3 talks 4 nsubj NOUN NNS talk
4 failed 2 ccomp VERB VBD fail
5 . 2 punct PUNCT . .
""")
    records, _ = sources_of(doc, [], [1])
    return records[0].kind


def test_source_kinds_from_the_head_noun():
    assert kind_of("The", "report", "report") == "document"
    assert kind_of("A", "tweet", "tweet") == "social"
    assert kind_of("The", "newspaper", "newspaper") == "media"
    assert kind_of("The", "agency", "agency") == "organization"
    assert kind_of("The", "spokeswoman", "spokeswoman") == "person"


def test_organisation_entity_with_a_news_name_is_media():
    doc = parse("""
0 The 2 det DET DT the B-ORG
1 Daily 2 compound PROPN NNP Daily I-ORG
2 Clarion 3 nsubj PROPN NNP Clarion I-ORG
3 reported 3 ROOT VERB VBD report
4 talks 5 nsubj NOUN NNS talk
5 failed 3 ccomp VERB VBD fail
6 . 3 punct PUNCT . .
""")
    records, _ = sources_of(doc, [entity(doc, "e1", "ORG", (0, 3))], [2])
    assert records[0].kind == "media"


def test_affiliation_of_anonymous_sources():
    close_to = parse("""
0 Officials 5 nsubj NOUN NNS official
1 close 0 amod ADJ JJ close
2 to 1 prep ADP IN to
3 the 4 det DET DT the
4 mayor 2 pobj NOUN NN mayor
5 said 5 ROOT VERB VBD say
6 talks 7 nsubj NOUN NNS talk
7 failed 5 ccomp VERB VBD fail
8 . 5 punct PUNCT . .
""")
    records, _ = sources_of(close_to, [], [0])
    assert records[0].anonymous and records[0].affiliation == "mayor"
    compound = parse("""
0 Administration 1 compound NOUN NN administration
1 officials 2 nsubj NOUN NNS official
2 said 2 ROOT VERB VBD say
3 talks 4 nsubj NOUN NNS talk
4 failed 2 ccomp VERB VBD fail
5 . 2 punct PUNCT . .
""")
    records, _ = sources_of(compound, [], [1])
    assert records[0].affiliation == "Administration"


def test_reason_for_anonymity_is_kept_with_the_source():
    # "Officials, who spoke on condition of anonymity to discuss the talks, said talks failed."
    doc = parse("""
0 Officials 13 nsubj NOUN NNS official
1 , 0 punct PUNCT , ,
2 who 3 nsubj PRON WP who
3 spoke 0 relcl VERB VBD speak
4 on 3 prep ADP IN on
5 condition 4 pobj NOUN NN condition
6 of 5 prep ADP IN of
7 anonymity 6 pobj NOUN NN anonymity
8 to 9 aux PART TO to
9 discuss 3 advcl VERB VB discuss
10 the 11 det DET DT the
11 talks 9 dobj NOUN NNS talk
12 , 0 punct PUNCT , ,
13 said 13 ROOT VERB VBD say
14 talks 15 nsubj NOUN NNS talk
15 failed 13 ccomp VERB VBD fail
16 . 13 punct PUNCT . .
""")
    records, _ = sources_of(doc, [], [0])
    assert records[0].anonymous and records[0].reason == "to discuss the talks"


def test_anonymous_source_without_an_anonymity_sentence_has_no_reason():
    records, _ = sources_of(anonymous("Two", "officials", number=True), [], [1])
    assert records[0].reason is None


def test_a_date_parsed_as_subject_is_no_source():
    doc = parse("""
0 Monday 1 nsubj PROPN NNP Monday B-DATE
1 brought 1 ROOT VERB VBD bring
2 rain 1 dobj NOUN NN rain
3 . 1 punct PUNCT . .
""")
    records, ids = sources_of(doc, [], [0])
    assert ids == [None] and records == []


def test_declining_to_comment_is_recorded_on_the_source():
    doc = parse(LEE_THEN_LEE.format(second="Lee"))
    resolver = SourceResolver(doc, [entity(doc, "e1", "PERSON", (0, 2), (6, 7))])
    resolver.mark_declined(resolver.resolve(doc[6]))
    records, _ = resolver.records()
    assert [r.declined_to_comment for r in records] == [True]


def test_anonymity_requested_by_who_inside_a_modifier_goes_to_the_people_it_modifies():
    # "Two people close to the House, who requested anonymity to discuss talks, said it failed."
    # The parse hangs "who requested" on "House"; the reason belongs to the people.
    doc = parse("""
0 Two 1 nummod NUM CD two
1 people 14 nsubj NOUN NNS people
2 close 1 amod ADJ JJ close
3 to 2 prep ADP IN to
4 the 5 det DET DT the
5 House 3 pobj PROPN NNP House B-ORG
6 , 5 punct PUNCT , ,
7 who 8 nsubj PRON WP who
8 requested 5 relcl VERB VBD request
9 anonymity 8 dobj NOUN NN anonymity
10 to 11 aux PART TO to
11 discuss 8 advcl VERB VB discuss
12 talks 11 dobj NOUN NNS talk
13 , 1 punct PUNCT , ,
14 said 14 ROOT VERB VBD say
15 it 16 nsubj PRON PRP it
16 failed 14 ccomp VERB VBD fail
17 . 14 punct PUNCT . .
""")
    resolver = SourceResolver(doc, [])
    resolver.note_anonymity(doc[5])
    records, _ = resolver.records()
    assert [(r.anonymous, r.count, r.reason) for r in records] == [(True, 2, "to discuss talks")]
