"""Values, settings, errors and the legal vocabulary every stage shares; imports no other stage."""
