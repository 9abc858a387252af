"""Attribution: who says each claim — source, cue, content, source type and chains.

``core`` (relations as character spans, token helpers) is shared by the components, which
import only it and the helpers ``features`` (CRF features) and ``sources`` (source typing and
chains, over ``source_types``, ``source_names`` and ``source_words``): ``rules``, ``colon``,
``citing``, ``crf``, and the tagger's ``tagger`` (network), ``tagger_decode`` (decoder) and
``cuepass`` (second pass). ``extractors`` composes them;
``stage`` holds the three stages (rules, learned, tagger). ``learned`` and ``tagged`` are old
import paths kept for ``veracity_train``.
"""
