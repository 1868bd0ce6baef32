"""Zan (заң): a knowledge base of the Republic of Kazakhstan's legal acts.

The work is done by three packages, one per stage: ``parser`` (text -> dataclasses),
``db`` (dataclasses -> SQLite) and ``datasette_plugins`` (SQLite -> web site and JSON).
This package holds the words shown to a reader (``zan.messages``, the text layer, just
above ``parser``) and the ``zan`` command that ties the stages together (``zan.cli``, at
the top beside the site). It imports nothing itself, so ``db`` can use the messages
without loading the command (tests/test_layers.py).
"""
