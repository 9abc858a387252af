"""The sourcing overview names a source by what it stands for, never by "who" or "he"."""

from veracity.store.rows import source_name


def _att(text, start=0, chain=(), entity=None, source_type="anonymous"):
    return {"source": [{"start": start, "end": start + len(text), "text": text}], "source_type": source_type,
            "source_entity": entity, "chain": [{"span": {"start": s, "end": s + len(t), "text": t}, "source_type": ty, "entity": e}
                                                for s, t, ty, e in chain]}


def test_a_relative_pronoun_is_named_by_its_antecedent():
    # "... defense analysts, who warn that ...": the chain already links "who" to its noun.
    att = _att("who", 20, chain=[(2, "defense analysts", "anonymous", None)])
    assert source_name(att) == "defense analysts"


def test_a_resolved_personal_pronoun_is_named_by_its_person():
    att = _att("he", 40, chain=[(40, "he", "pronoun", "Andriy Yermak")], entity="Andriy Yermak", source_type="pronoun")
    assert source_name(att) == "Andriy Yermak"


def test_an_unresolved_pronoun_and_an_ordinary_source_keep_their_words():
    assert source_name(_att("he", chain=[(0, "he", "pronoun", None)], source_type="pronoun")) == "he"
    assert source_name(_att("one unnamed EU official", chain=[(0, "one unnamed EU official", "anonymous", None)])) == "one unnamed EU official"
    assert source_name({"source": [], "chain": []}) == "(no source)"
