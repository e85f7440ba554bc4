"""cybergov-kg: a knowledge graph of international cyber governance.

The core library: load the ontology and the curated data, validate them with SHACL,
reason with OWL 2 RL, and answer named SPARQL queries over a store backend.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cybergov-kg")
except PackageNotFoundError:  # running from a checkout without install
    __version__ = "0.0.0"
