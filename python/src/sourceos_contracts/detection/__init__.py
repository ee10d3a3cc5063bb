"""How a document is recognised: names (near misses of a contract's name) and shapes."""
