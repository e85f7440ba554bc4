"""Stage 1: read the sources, reason (OWL 2 RL), validate (SHACL), write the build cache."""
