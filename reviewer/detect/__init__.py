"""Detection: the pipeline (`pipeline.scan`), patterns and validators, names, roles and NER, passages, policy."""
