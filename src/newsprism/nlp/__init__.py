"""The language pipeline: model loading, sentences, entities, dates, cited sources."""
