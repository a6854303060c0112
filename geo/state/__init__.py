"""The view a reader has chosen: URL state, attack criteria and what each page is given."""
