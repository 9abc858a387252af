"""Attribution: who says each claim — source, cue, content, source type and chains."""
