"""Words and numbers as readers see them: translations, labels, numbers, captions, sources."""
