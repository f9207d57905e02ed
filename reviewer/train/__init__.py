"""Training of the model artifacts (`reviewer train ...`); never imported at run time."""
