"""extractors/nlp"""
