"""Zan (заң): a knowledge base of the Republic of Kazakhstan's legal acts.

The work is done by three packages, one per stage: ``parser`` (text -> dataclasses),
``db`` (dataclasses -> SQLite) and ``datasette_plugins`` (SQLite -> web site and JSON).
This package holds only the ``zan`` command that ties them together.
"""
