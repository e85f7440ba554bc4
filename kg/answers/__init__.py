"""The REST answers: run the named queries of kg/queries, apply the contract's rules, return plain typed dicts.

Routes stay thin: they parse parameters, call one function here, and render JSON, CSV or JSON-LD.
Every item carries `id`, `iri`, `label` and `sources`; dates are ISO strings or None when the
source gives none.
"""
