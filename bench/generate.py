"""Synthetic governance-shaped data, reproducible by seed: states, organizations with dated
memberships, treaties with dated participation records (signature, consent, entry into force,
some denunciations), in the shapes of the curated data (ids, labels, sources, as-of dates).

    python -m bench.generate 100k --seed 7 --out .cache/bench/synthetic-100k

Writes <out>/data/synthetic.ttl and returns the number of triples written.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

PREFIXES = """@prefix cgo:  <https://w3id.org/cybergov/ontology#> .
@prefix dct:  <http://purl.org/dc/terms/> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix state: <https://w3id.org/cybergov/id/state/> .
@prefix orgn: <https://w3id.org/cybergov/id/organization/> .
@prefix treaty: <https://w3id.org/cybergov/id/treaty/> .
@prefix part: <https://w3id.org/cybergov/id/participation/> .
@prefix mship: <https://w3id.org/cybergov/id/membership/> .
@prefix role: <https://w3id.org/cybergov/id/role/> .
@prefix consent: <https://w3id.org/cybergov/id/consent/> .

"""
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "1M": 1_000_000}
AS_OF = '"2026-01-01"^^xsd:date'
# every curated record carries its as-of date and an evidence level (the shapes require both)
PROVENANCE = f"cgo:asOf {AS_OF} ; cgo:evidence <https://w3id.org/cybergov/id/evidence/official>"
LATEST = date(2026, 1, 1)  # every generated date is on or before the as-of date
GENERATOR_VERSION = 2  # part of the stamp: data written by an older generator is written again
KINDS = ("ratification", "accession", "acceptance", "approval")
STATE_TRIPLES, MEMBERSHIP_TRIPLES, ORG_TRIPLES, TREATY_TRIPLES = 10, 8, 7, 9


def parse_size(text: str) -> int:
    """'10k', '100k', '1M' or a number of triples."""
    return SIZES.get(text, None) or int(text.replace("_", ""))


def _code(n: int, letters: int) -> str:
    out = ""
    for _ in range(letters):
        n, r = divmod(n, 26)
        out = chr(65 + r) + out
    return out


def _d(day: date) -> str:
    return f'"{day.isoformat()}"^^xsd:date'


def _between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


def generate(triples: int, *, seed: int = 7) -> tuple[str, int]:
    """Turtle of about `triples` asserted triples; returns (text, exact triple count)."""
    rng = random.Random(seed)
    n_states = 250 if triples <= 200_000 else 1_000
    budget = triples - n_states * STATE_TRIPLES
    n_orgs = max(3, budget // 2_000)  # the rest in memberships
    lines = [PREFIXES]
    count = 0
    states = [_code(i + 26 * 26 * 23, 3) for i in range(n_states)]  # XAA, XAB, ... (no real ISO code clash)
    for i, code in enumerate(states):
        lines.append(
            f'state:{code} a cgo:State ; dct:identifier "{code}" ; rdfs:label "State {code}"@en ; '
            f'cgo:alpha2Code "{_code(i, 2)}" ; cgo:alpha3Code "{code}" ; cgo:numericCode "{i % 1000:03d}" ; '
            f"dct:source <https://example.org/iso/{code}> ; {PROVENANCE} .\n"
        )
        count += 9
    start, end = date(1950, 1, 1), date(2025, 6, 30)
    for o in range(n_orgs):
        slug = f"org-{o}"
        lines.append(
            f'orgn:{slug} a cgo:RegionalOrganization ; dct:identifier "{slug}" ; '
            f'rdfs:label "Organization {o}"@en ; dct:source <https://example.org/org/{slug}> ; '
            f"{PROVENANCE} .\n"
        )
        count += 6
        founded = _between(rng, start, end)
        for code in rng.sample(states, min(len(states), rng.randint(20, 150))):
            joined = _between(rng, founded, end)
            lines.append(
                f"mship:{slug}\\/{code} a cgo:Membership ; org:member state:{code} ; "
                f"org:organization orgn:{slug} ; org:role role:member ; cgo:startDate {_d(joined)} ; "
                f"dct:source <https://example.org/org/{slug}/members> ; {PROVENANCE} .\n"
            )
            count += 8
            if count >= triples * 0.4 and o >= 2:
                break
        if count >= triples * 0.4:
            break
    t = 0
    while count < triples:
        slug = f"treaty-{t}"
        opened = _between(rng, start, date(2020, 1, 1))
        lines.append(
            f'treaty:{slug} a cgo:Treaty ; dct:identifier "{slug}" ; rdfs:label "Treaty {t}"@en ; '
            f"cgo:openingForSignatureDate {_d(opened)} ; dct:source <https://example.org/treaty/{slug}> ; "
            f"{PROVENANCE} .\n"
        )
        count += 7
        for code in rng.sample(states, rng.randint(len(states) // 4, len(states) - 10)):
            if count >= triples:
                break
            signed = _between(rng, opened, opened + timedelta(days=900))
            record = [
                f"part:{slug}\\/{code} a cgo:TreatyParticipation ; cgo:participant state:{code} ; "
                f"cgo:instrument treaty:{slug} ; cgo:signatureDate {_d(signed)}"
            ]
            count += 4
            consented = _between(rng, signed, signed + timedelta(days=2000))
            # no date after the as-of date: the shapes refuse dates in the future, as for curated data
            if rng.random() < 0.8 and consented + timedelta(days=90) <= LATEST:
                record.append(
                    f"cgo:consentKind consent:{rng.choice(KINDS)} ; cgo:consentDate {_d(consented)} ; "
                    f"cgo:entryIntoForceDate {_d(consented + timedelta(days=90))}"
                )
                count += 3
                if rng.random() < 0.05 and consented + timedelta(days=3000) <= LATEST:
                    record.append(f"cgo:denunciationEffectiveDate {_d(consented + timedelta(days=3000))}")
                    count += 1
            record.append(f"dct:source <https://example.org/treaty/{slug}/parties> ; {PROVENANCE} .\n")
            count += 3
            lines.append(" ; ".join(record))
        t += 1
    return "".join(lines), count


def write(out: Path, triples: int, *, seed: int = 7) -> int:
    """Write <out>/data/synthetic.ttl (unless it exists with the same size and seed); returns the triple count."""
    target = out / "data" / "synthetic.ttl"
    stamp = out / f"generated-{triples}-{seed}-v{GENERATOR_VERSION}"
    if target.exists() and stamp.exists():
        return int(stamp.read_text())
    target.parent.mkdir(parents=True, exist_ok=True)
    text, count = generate(triples, seed=seed)
    target.write_text(text, encoding="utf-8")
    stamp.write_text(str(count))
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", help="10k, 100k, 1M or a number of triples")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    count = write(args.out, parse_size(args.size), seed=args.seed)
    print(f"{count} triples -> {args.out / 'data' / 'synthetic.ttl'}")


if __name__ == "__main__":
    main()
