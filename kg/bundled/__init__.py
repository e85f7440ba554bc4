"""The ontology, the curated data and the shapes, inside the package (links to the top-level folders of a
checkout; copies in a built wheel), so that an installed `cybergov` has the graph it serves."""
