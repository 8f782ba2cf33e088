"""The tipwatch spaCy components, each a registered factory configured in ``models/pipeline.cfg``.

In pipeline order: ``paragraphs`` (a blank line starts a sentence), ``entities`` (rule entities:
pattern files per label, titles, agencies, years; with ``rule_files``, ``provinces`` and
``agency_rules``), ``agency_scope`` (agency names that name no country: whose body they are),
``acronyms``, ``agency_model`` (the trained recogniser), ``agency_home`` (an agency's kind as the
story's country sees it), ``officials`` and ``tiers`` (which country a tier places).
``matching`` is the span ruler the entity rules use.
"""
