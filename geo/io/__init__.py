"""Bring your own data: GTD, UCDP GED, ACLED and project-schema exports read into the attacks schema."""
