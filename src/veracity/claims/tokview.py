"""A plain-Python view of a parsed spaCy Doc, built once per article.

The claim rules read token attributes thousands of times per article; every spaCy
``Token`` attribute access crosses into Cython and builds a new object, which made the
rules cost ~10% of the parse. ``Tok`` carries the same attribute names the rules use
(``dep_``, ``lower_``, ``head``, ``children``, ``left_edge``...), so rule code works on
either, and ``view(doc)`` builds all of them from one ``Doc.to_array`` call.
"""

from __future__ import annotations

from typing import Iterator


class Tok:
    __slots__ = ("i", "idx", "text", "whitespace_", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_",
                 "is_punct", "is_space", "is_quote", "is_alpha", "is_stop", "head", "doc", "_lefts", "_rights",
                 "left_edge", "right_edge")

    @property
    def children(self) -> Iterator["Tok"]:
        yield from self._lefts
        yield from self._rights

    @property
    def lefts(self) -> Iterator["Tok"]:
        return iter(self._lefts)

    @property
    def rights(self) -> Iterator["Tok"]:
        return iter(self._rights)

    @property
    def subtree(self) -> Iterator["Tok"]:
        return iter(self.doc[self.left_edge.i : self.right_edge.i + 1])

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"Tok({self.i}, {self.text!r}, {self.dep_})"


def view(doc) -> list[Tok]:
    """Tok objects for every token of ``doc``, in order (a list, indexable like the Doc)."""
    from spacy.attrs import (DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_QUOTE, IS_SPACE, IS_STOP, LEMMA, LENGTH,
                             LOWER, POS, SPACY, TAG)

    # uint64 -> int64 turns the wrapped negative HEAD offsets back into negatives.
    rows = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, IS_PUNCT, IS_SPACE, IS_QUOTE, IS_ALPHA,
                         IDX, LENGTH, SPACY, IS_STOP]).astype("int64").tolist()
    strings = doc.vocab.strings
    text = doc.text
    names: dict[int, str] = {0: ""}
    toks: list[Tok] = []
    heads: list[int] = []
    for i, row in enumerate(rows):
        for h in row[:5]:
            if h not in names:
                names[h] = strings[h + 2**64 if h < 0 else h]  # hashes are uint64
        if row[6] not in names:
            names[row[6]] = strings[row[6] + 2**64 if row[6] < 0 else row[6]]
        k = Tok()
        k.i = i
        k.idx = idx = row[11]
        k.text = text[idx : idx + row[12]]
        k.whitespace_ = " " if row[13] else ""
        k.lower_, k.lemma_, k.pos_, k.tag_, k.dep_ = names[row[0]], names[row[1]], names[row[2]], names[row[3]], names[row[4]]
        k.ent_type_ = names[row[6]]
        k.is_punct, k.is_space, k.is_quote, k.is_alpha = row[7] == 1, row[8] == 1, row[9] == 1, row[10] == 1
        k.is_stop = row[14] == 1
        k.doc = toks
        k._lefts, k._rights = [], []
        toks.append(k)
        heads.append(i + row[5])
    for k, h in zip(toks, heads):
        k.head = toks[h]
        if h != k.i:
            (toks[h]._lefts if k.i < h else toks[h]._rights).append(k)
    # Subtree edges. The parser is projective, so a subtree is contiguous: its left edge is
    # the left edge of the leftmost child, its right edge that of the rightmost child.
    for k in toks:
        node = k
        while node._lefts:
            node = node._lefts[0]
        k.left_edge = node
        node = k
        while node._rights:
            node = node._rights[-1]
        k.right_edge = node
    return toks
