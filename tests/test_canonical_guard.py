"""The session guard of tests/conftest.py (issue 10): it sees a byte changed, a file added or removed."""

from canonical_files import CANONICAL_FOLDERS, REPO, canonical_digests, changed_files


def _tree(root, files: dict[str, bytes]):
    for name in CANONICAL_FOLDERS:
        (root / name).mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)


def test_the_guard_covers_data_ontology_and_shapes():
    digests = canonical_digests(REPO)
    for folder in ("data", "ontology", "shapes"):
        assert any(name.startswith(folder + "/") for name in digests), folder
    assert "ontology/cybergov.ttl" in digests


def test_the_guard_sees_a_changed_byte_an_added_file_and_a_removed_file(tmp_path):
    _tree(
        tmp_path,
        {"data/a.ttl": b"<urn:a> <urn:b> <urn:c> .\n", "ontology/o.ttl": b"# o\n", "shapes/s.ttl": b"# s\n"},
    )
    before = canonical_digests(tmp_path)
    assert changed_files(before, canonical_digests(tmp_path)) == []
    (tmp_path / "shapes/s.ttl").write_bytes(b"# S\n")
    (tmp_path / "data/new.ttl").write_bytes(b"")
    (tmp_path / "ontology/o.ttl").unlink()
    changed = changed_files(before, canonical_digests(tmp_path))
    assert changed == ["data/new.ttl", "ontology/o.ttl", "shapes/s.ttl"]
