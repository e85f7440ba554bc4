"""The `cybergov` command: validate, fmt, build, query, stats, serve, push."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.config import Settings
from kg.errors import InconsistencyError, KgError, LoadError, QueryError, ValidationFailed

app = typer.Typer(
    help="cybergov-kg: a knowledge graph of international cyber governance.",
    no_args_is_help=True,
    add_completion=False,
)

EXIT_OK, EXIT_VIOLATIONS, EXIT_UNREADABLE = 0, 1, 2


def _settings() -> Settings:
    return Settings()


def _colour(text: str, colour: str) -> str:
    return typer.style(text, fg=colour) if sys.stdout.isatty() else text


def print_report(result) -> None:
    """A human report: syntax errors, problems grouped by resource, what changes, a summary line."""
    from kg.curate.report import render_text, to_model

    typer.echo(render_text(to_model(result), colour=_colour))


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Contribution files; none = the repository's data.")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="text, json or turtle (the SHACL report graph)")
    ] = "text",
) -> None:
    """Validate a contribution merged with the canonical data (exit 0 conforms, 1 violations, 2 unreadable).

    The JSON (--format json) is the same document POST /validate returns; its schema is
    docs/validation-report.schema.json.
    """
    from kg.curate.checking import check_paths
    from kg.curate.report import report_graph, to_model

    if fmt not in ("text", "json", "turtle"):
        typer.echo(f"unknown --format {fmt!r}: use text, json or turtle", err=True)
        raise typer.Exit(EXIT_UNREADABLE)
    settings = _settings()
    missing = [str(p) for p in (paths or []) if not p.is_file()]
    if missing:
        typer.echo(f"cannot read: {', '.join(missing)}", err=True)
        raise typer.Exit(EXIT_UNREADABLE)
    try:
        result = check_paths(settings, list(paths or []))
    except LoadError as exc:  # unreadable file or unknown format (syntax errors are in the result)
        typer.echo(f"cannot read: {exc}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    if fmt == "json":
        typer.echo(to_model(result).model_dump_json(indent=2))
    elif fmt == "turtle":
        if not result.readable:
            print_report(result)  # nothing was validated: say why
        else:
            typer.echo(report_graph(result).serialize(format="turtle"))
    else:
        print_report(result)
    raise typer.Exit(result.exit_code)


@app.command("fmt")
def fmt_command(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Turtle files or folders; none = the repository's data.")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if a file is not canonical.")
    ] = False,
) -> None:
    """Write Turtle files in the canonical layout (exit 0 done or canonical, 1 not canonical with --check, 2 unreadable).

    The layout (kg/fmt.py): the header comment block, one prefix block, one record per block in a stable order,
    stable predicate and object order. A comment after the header is refused, not dropped: move it into the
    header or into an rdfs:comment on the record.
    """
    from kg.curate.fmt import format_file, turtle_files

    targets = turtle_files(list(paths or [_settings().data_path]))
    missing = [str(p) for p in targets if not p.is_file()]
    if missing:
        typer.echo(f"cannot read: {', '.join(missing)}", err=True)
        raise typer.Exit(EXIT_UNREADABLE)
    changed, failed = [], False
    for path in targets:
        try:
            result = format_file(path, write=not check)
        except LoadError as exc:
            typer.echo(f"cannot format: {exc}", err=True)
            failed = True
            continue
        if not result.canonical:
            changed.append(path)
            typer.echo(f"{'not canonical' if check else 'formatted'}: {path}")
    if failed:
        raise typer.Exit(EXIT_UNREADABLE)
    if check and changed:
        typer.echo(
            f"{len(changed)} file(s) not canonical; run: cybergov fmt {' '.join(map(str, changed))}", err=True
        )
        raise typer.Exit(EXIT_VIOLATIONS)
    typer.echo(
        f"{len(targets)} file(s) {'checked' if check else 'canonical'}, {len(changed)} "
        f"{'would change' if check else 'reformatted'}"
    )


@app.command()
def build(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the dataset here (.trig or .nq).")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Rebuild even if a cached build exists.")
    ] = False,
) -> None:
    """Load, reason and validate; cache the dataset by content hash; optionally write it as TriG or N-Quads."""
    from kg.build.pipeline import build as run_build

    settings = _settings()
    try:
        result = run_build(settings, use_cache=not no_cache)
    except LoadError as exc:
        typer.echo(f"syntax error: {exc}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    except (ValidationFailed, InconsistencyError) as exc:
        typer.echo(f"build failed: {exc}; run `cybergov validate` for the report", err=True)
        raise typer.Exit(EXIT_VIOLATIONS) from None
    timing = ", ".join(f"{k} {v:.2f} s" for k, v in result.timings.items())
    if result.from_cache:
        detail = f"reused the cached build; it took {result.timings.get('total', 0):.2f} s when made"
    else:
        detail = timing
    source = "cache" if result.from_cache else "built"
    typer.echo(
        f"{source}: version {result.version}, {result.triples} triples ({detail}) -> {result.dataset_path}"
    )
    if output:
        import pyoxigraph as ox

        fmt = ox.RdfFormat.TRIG if output.suffix == ".trig" else ox.RdfFormat.N_QUADS
        quads = ox.parse(path=str(result.dataset_path), format=ox.RdfFormat.N_QUADS)
        ox.serialize(quads, str(output), format=fmt)
        typer.echo(f"wrote {output}")


def _open(settings: Settings):
    from kg.build.pipeline import build as run_build
    from kg.store import open_store

    return open_store(settings, run_build(settings))


@app.command()
def query(
    sparql: Annotated[str | None, typer.Argument(help="The SPARQL query text.")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from a .rq file.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json")] = "table",
) -> None:
    """Run a SPARQL query over the built graph (default graph = asserted + ontology + inferred)."""
    text = file.read_text() if file else sparql
    if not text:
        typer.echo("give a query or --file", err=True)
        raise typer.Exit(EXIT_UNREADABLE)
    from kg.namespaces import sparql_prologue

    settings = _settings()
    store = _open(settings)
    try:
        out = (
            store.execute(
                sparql_prologue() + text, fmt="csv" if fmt in ("table", "csv") else "json", isolated=False
            )
            if hasattr(store, "_store")
            else store.execute(sparql_prologue() + text, fmt="csv" if fmt in ("table", "csv") else "json")
        )
    except QueryError as exc:
        typer.echo(f"query error: {exc}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    finally:
        store.close()
    body = out.body.decode()
    if fmt == "table" and out.form == "select":
        import csv
        import io

        rows = list(csv.reader(io.StringIO(body)))
        widths = [min(60, max(len(r[i]) for r in rows)) for i in range(len(rows[0]))] if rows else []
        for n, row in enumerate(rows):
            typer.echo("  ".join(cell[:60].ljust(w) for cell, w in zip(row, widths, strict=False)))
            if n == 0:
                typer.echo("  ".join("-" * w for w in widths))
        typer.echo(f"({out.count} row(s){', truncated' if out.truncated else ''})")
    else:
        typer.echo(body)


@app.command()
def stats() -> None:
    """Triples per graph (asserted, ontology, inferred, files), entities per class, curated records per evidence level."""
    from kg import named_queries

    settings = _settings()
    store = _open(settings)
    try:
        counts = store.counts()
        typer.echo(f"version {store.version}")
        typer.echo("graph                                                     triples")
        for graph, n in sorted(counts.items(), key=lambda kv: (kv[0].count("/file/"), kv[0])):
            typer.echo(f"{graph.replace('https://w3id.org/cybergov/graph/', ''):<56} {n:>8}")
        typer.echo("\nclass                                  entities")
        for row in store.select(named_queries.get("class-counts").text):
            typer.echo(f"{row['label'] or row['class']:<38} {int(row['n']):>8}")
        typer.echo("\nevidence level                          records")
        for row in store.select(named_queries.get("evidence-counts").text):
            name = row["label"] or (row["level"] or "(none)").rsplit("/", 1)[-1]
            typer.echo(f"{name:<38} {int(row['n']):>8}")
    finally:
        store.close()


@app.command()
def push(
    endpoint: Annotated[
        str, typer.Option(help="SPARQL query endpoint URL, e.g. http://127.0.0.1:7878/query.")
    ],
    graph_store: Annotated[
        str | None,
        typer.Option(
            help="Graph Store Protocol URL (default: the endpoint's /store, as oxigraph serve has it; "
            "Fuseki: http://host:3030/ds/data)."
        ),
    ] = None,
) -> None:
    """Build (or reuse the cached build) and load it into a remote engine (named graphs + default graph).

    CYBERGOV_ENDPOINT_KIND=virtuoso for Virtuoso (with CYBERGOV_ENDPOINT_USER / _PASSWORD, digest auth).
    """
    from kg.build.pipeline import build as run_build
    from kg.store.push import graph_store_url
    from kg.store.push import push as run_push
    from kg.store.remote import endpoint_auth

    settings = _settings()
    built = run_build(settings)
    kind = settings.endpoint_kind
    result = run_push(
        built.dataset_path,
        graph_store or graph_store_url(endpoint, kind=kind),
        version=built.version,
        kind=kind,
        auth=endpoint_auth(settings),
    )
    typer.echo(
        f"pushed version {built.version}: {result.triples} triples in {len(result.counts)} graph(s) "
        f"-> {result.graph_store}; serve with CYBERGOV_STORE=remote CYBERGOV_ENDPOINT={endpoint}"
    )


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
    store: Annotated[str | None, typer.Option(help="memory (embedded, default) or remote.")] = None,
    endpoint: Annotated[str | None, typer.Option(help="SPARQL endpoint URL for --store remote.")] = None,
) -> None:
    """Build (or reuse the cached build) and serve the API with uvicorn."""
    import uvicorn

    from api.app import create_app

    overrides = {
        k: v for k, v in {"host": host, "port": port, "store": store, "endpoint": endpoint}.items() if v
    }
    settings = Settings(**overrides)
    application = create_app(settings)
    uvicorn.run(application, host=settings.host, port=settings.port, log_level="info")


def main() -> None:  # pragma: no cover - console entry
    try:
        app()
    except KgError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
