"""extractors/analysis"""
