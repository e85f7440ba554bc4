"""The cybergov-kg web API: SPARQL 1.1 Protocol, REST queries, validation and pages."""
