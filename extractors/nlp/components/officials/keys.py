"""The ``doc.user_data`` keys the officials linker writes (the contract other components read).

* ``PEOPLE``: one dict per person in order of first mention: ``name``, ``title``, ``organisation``
  (canonical agency name), ``qualifier`` (words written before the title that are part of the role:
  "acting", "regional"; the title as written is ``qualifier title``), ``mentions`` (token ranges),
  ``first``;
* ``PERSON_AT``: token index -> person name for every name mention token;
* ``PRONOUN_AT``: token index of he/she/his/her/him -> person name (the most recent person before);
* ``ROLE_AT``: token index of a definite role reference ("the minister", "the Passports DG") ->
  person name, when exactly one person in the document holds that role;
* ``UNNAMED``: unnamed officials and sources ("a senior FIA official", "A spokesman for FIA"): dicts
  with ``text`` (the first description), ``head``, ``organisation``, ``start``/``end`` (tokens);
  ``UNNAMED_AT``: token index -> that description, also for later mentions ("the spokesman").
"""

from __future__ import annotations

PEOPLE = "tipwatch.people"
PERSON_AT = "tipwatch.person_at"
PRONOUN_AT = "tipwatch.pronoun_at"
ROLE_AT = "tipwatch.role_at"
UNNAMED = "tipwatch.unnamed"
UNNAMED_AT = "tipwatch.unnamed_at"

# Strength of a role found for a mention: an appointment beats an explicit title, which beats a
# chair ("led by X"), which beats a weak title (senator).
APPOINTED, TITLE, CHAIR, WEAK = 4, 3, 2, 1
