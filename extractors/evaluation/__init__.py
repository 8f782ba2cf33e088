"""extractors/evaluation"""
