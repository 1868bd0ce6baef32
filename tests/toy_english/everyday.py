"""The toy language's everyday words: none (an empty dictionary completes the contract)."""

EVERYDAY: dict[str, str] = {}
