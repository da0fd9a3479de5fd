"""Command-line interface: argument parsing only; the work is done by library functions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from newsprism.config import DEFAULT_MODEL, settings_from_env
from newsprism.errors import NewsprismError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="newsprism: reconstruct a developing news event from many outlets and compare how each tells it.")
console = Console()
errors = Console(stderr=True, soft_wrap=True)  # one error, one line: never wrapped

DbOption = typer.Option(Path("newsprism.duckdb"), "--db", help="DuckDB store file.", envvar="NEWSPRISM_DB")


def _fail(message: str, code: int = 2) -> None:
    errors.print(f"[red]error:[/red] {escape(message)}", highlight=False, markup=True)
    raise typer.Exit(code)


def _read_only(db: Path):
    """Open the store for reading, or fail with one line naming the file and why."""
    from newsprism.store import Store

    try:
        return Store(db, read_only=True)
    except NewsprismError as exc:
        _fail(str(exc))


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Files, folders or globs of articles (txt, html, rss/atom, jsonl)."),
    db: Path = DbOption,
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="Installed spaCy English pipeline package.", envvar="NEWSPRISM_MODEL"),
    workers: int = typer.Option(1, "--workers", min=1, help="spaCy processes for parsing (with --engine ray: analyser actors)."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per parse batch and per store transaction."),
    max_file_mb: float = typer.Option(20.0, "--max-file-mb", help="Refuse input files larger than this."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or ray (per-article stages on Ray)."),
    address: Optional[str] = typer.Option(None, "--address", help="With --engine ray: address of an existing Ray cluster (default: start a local one)."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first article or story a stage fails on, with its traceback (for development); "
                                "by default it is listed as failed and the run goes on."),
) -> None:
    """Read articles, extract what happened, and store it all in a DuckDB file."""
    import time

    from newsprism.pipeline import run_analysis
    from newsprism.store import Store

    if engine not in ("local", "ray"):
        _fail(f"--engine {engine!r}: choose local or ray")
    if address and engine != "ray":
        _fail("--address needs --engine ray")
    settings = settings_from_env(db_path=db, model=model, workers=workers, batch_size=batch_size,
                                 max_file_bytes=int(max_file_mb * 1_000_000), strict=strict or None)
    # The local engine counts files read; the Ray engine reads first, then counts articles analysed.
    unit = "files" if engine == "local" else "articles"
    try:
        with Store(settings.db_path, memory_limit=settings.duckdb_memory_limit) as store:
            with Progress(TextColumn("[bold]analyzing"), BarColumn(), MofNCompleteColumn(), TextColumn(unit),
                          TextColumn("{task.fields[stored]} stored, {task.fields[rate]} articles/s"),
                          TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.fields[step]}"),
                          console=errors, disable=quiet, transient=False) as progress:
                task = progress.add_task("analyze", total=None, stored=0, rate="-", step="")
                started = time.perf_counter()

                def on_progress(done: int, total: int, stored: int) -> None:
                    rate = stored / max(time.perf_counter() - started, 1e-9)
                    progress.update(task, completed=done, total=total, stored=stored, rate=f"{rate:.1f}", step="")

                def on_step(message: str) -> None:
                    # Inside one very long article: which part it is at.
                    progress.update(task, step=escape(message))

                if engine == "ray":
                    from newsprism.scale.ray_engine import run_analysis_ray

                    report = run_analysis_ray(paths, settings, store, address, on_progress)
                else:
                    report = run_analysis(paths, settings, store, on_progress, on_step)
    except NewsprismError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        errors.print("interrupted: every finished batch is stored; run the same command again to resume")
        raise typer.Exit(130)
    for line in report.long_articles:
        errors.print(f"[dim]long article[/dim] {escape(line)}", highlight=False, markup=True, soft_wrap=True)
    for line in report.unread:
        errors.print(f"[dim]not read[/dim] {escape(line)}", highlight=False, markup=True, soft_wrap=True)
    for failure in report.failures:
        # escape(): a file named "[/red].txt" is a name, not rich markup.
        label = "failed" if failure.stage else "skipped"
        where = f" (article {failure.article_id[:10]})" if failure.article_id else ""
        errors.print(f"[yellow]{label}[/yellow] {escape(str(failure))}{escape(where)}", highlight=False, markup=True, soft_wrap=True)
    failed_later = (f", {report.failed_articles} article(s) failed" if report.failed_articles else "") + (
        f", {report.failed_stories} story(ies) failed" if report.failed_stories else "")
    console.print(
        f"{report.stored} new article(s) stored in {settings.db_path} "
        f"({report.already_stored} already stored, {report.copies} copies linked, {report.failed_inputs} input(s) failed"
        f"{failed_later})",
        markup=False, highlight=False,
    )
    if report.failures:
        raise typer.Exit(1)


SHOWABLE = ("articles", "events", "quotes", "actors", "places")


@app.command()
def show(
    what: str = typer.Argument("articles", help="articles | events | quotes | actors | places"),
    db: Path = DbOption,
    article: Optional[str] = typer.Option(None, "--article", help="Show one article's details (id or prefix)."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Events or quotes of actors whose name or alias holds this."),
    plover_type: Optional[str] = typer.Option(None, "--type", help="Events of one PLOVER type (CONSULT, ASSAULT, ...)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only this outlet's articles."),
    place: Optional[str] = typer.Option(None, "--place", help="Events or places at this place (any spelling: Rostov-Na-Don)."),
    near: Optional[str] = typer.Option(None, "--near", help="Events or places within km of a point: lat,lon,km."),
    limit: int = typer.Option(100, "--limit", min=1, max=500, help="At most this many rows."),
) -> None:
    """Print what the store holds: articles (outlet, date, dateline, cited sources), or its events,
    quotes or actors, each event and quote with the sentence it comes from."""

    if what not in SHOWABLE:
        _fail(f"show {what!r}: choose one of {', '.join(SHOWABLE)}")
    with _read_only(db) as store:
        if article and what == "articles":
            _show_article(store, article)
            return
        if what != "articles":
            near_point = None
            if near:
                from newsprism.store.read import parse_near

                try:
                    near_point = parse_near(near)
                except ValueError as exc:
                    _fail(str(exc))
            _show_records(store, what, article, actor, plover_type, outlet, limit, place, near_point)
            return
        from newsprism.store.read import article_listing, reader_of

        counts = store.counts()
        console.print(", ".join(f"{n} {t}" for t, n in counts.items() if t not in ("schema_version", "minhashes")))
        # One block per article rather than a wide table: readable in any terminal width.
        for row in article_listing(reader_of(store)):
            if row.published:
                published = f"{row.published} ({row.published_from})"
            elif row.published_month:
                published = f"--{row.published_month:02d}-{row.published_day:02d} (dateline, no year)"
            else:
                published = "date unknown"
            console.print(f"[bold]{row.id[:10]}[/bold]  {published}  [cyan]{row.outlet or 'outlet unknown'}[/cyan]"
                          + (f", {row.dateline}" if row.dateline else ""), highlight=False)
            console.print(f"    {row.title or '(no title)'}", highlight=False, markup=False)
            if row.original_id:
                console.print(f"    {row.copy_kind} copy of {row.original_id[:10]}", highlight=False)
            if row.cites:
                console.print(f"    cites: {row.cites}", highlight=False, markup=False)


def _show_records(store, what: str, article: str | None, actor: str | None, plover_type: str | None,
                  outlet: str | None, limit: int, place: str | None = None,
                  near: tuple[float, float, float] | None = None) -> None:
    """Print events, quotes, actors or places, each event and quote with its sentence and provenance."""
    from newsprism.store.read import (
        Filters,
        actor_ids_named_like,
        article_ids_with_prefix,
        list_actors,
        list_events,
        list_places,
        list_quotes,
        reader_of,
    )

    reader = reader_of(store)
    f = Filters(outlet=outlet, plover_type=plover_type, place=place, near=near)
    if article:
        ids = article_ids_with_prefix(reader, article)
        if not ids:
            _fail(f"no article with id {article!r}")
        f.article_ids = ids
    ids = actor_ids_named_like(reader, actor) if actor else []
    if actor and not ids:
        _fail(f"no actor named like {actor!r} in {store.path}")
    if what == "actors":
        page = list_actors(reader, f, q=actor, limit=limit)
        for a in page.items:
            aliases = "; ".join(a.aliases[:4])
            console.print(f"[bold]{escape(a.name)}[/bold]  {a.kind}  {a.country or '-'} {a.sector or '-'}  "
                          f"{a.mentions} mentions, {a.events} events, {a.quotes} quotes"
                          + (f"  (also: {escape(aliases)})" if aliases else ""), highlight=False)
        console.print(f"{page.total} actor(s)", highlight=False)
        return
    if what == "places":
        page = list_places(reader, f, limit=limit)
        for p in page.items:
            written = ", ".join(w for w in p.written if w != p.name)[:80]
            console.print(f"[bold]{escape(p.name)}[/bold]  {p.feature_code or '-'}  {p.country or '-'}"
                          + (f" / {escape(p.admin1)}" if p.admin1 and p.admin1 != p.name else "")
                          + f"  {p.lat:.3f},{p.lon:.3f}  geonames {p.geonameid or '-'}  "
                          f"{p.mentions} mentions in {p.articles} article(s), {p.events} event(s)"
                          + (f"  (written: {escape(written)})" if written else ""), highlight=False)
        console.print(f"{page.total} place(s)", highlight=False)
        return
    if ids:
        f.actor_ids = ids
    if what == "events":
        page = list_events(reader, f, limit=limit)
        for e in page.items:
            kind = e.plover_type + (f"/{e.mode}" if e.mode else "") + (f" (CAMEO {e.cameo})" if e.cameo else "")
            who = ", ".join(_ref(r) for r in e.sources) or "(unnamed)"
            whom = ", ".join(_ref(r) for r in e.targets)
            flags = [flag for flag, on in (("NOT", e.negated), (e.modality, e.modality != "happened")) if on]
            when = str(e.date) if e.date else "date unresolved"
            console.print(f"[bold]{kind}[/bold]  {escape(who)}" + (f" → {escape(whom)}" if whom else "")
                          + (f"  [yellow]{' '.join(flags)}[/yellow]" if flags else "")
                          + f"  {when}" + (f", in {escape(e.place_name)} ({e.place_country or '-'}, {e.place_how})" if e.place_name
                                           else f", in {escape(e.location)}" if e.location else "")
                          + (f"  (according to {escape(e.attribution)})" if e.attribution else ""), highlight=False)
            console.print(f"    {e.outlet or 'outlet unknown'} {e.article_id[:10]} chars {e.start}-{e.end}: "
                          f"{escape(e.sentence.strip())}", highlight=False)
        console.print(f"{page.total} event(s)" + (f", first {len(page.items)} shown" if page.total > len(page.items) else ""),
                      highlight=False)
        return
    page = list_quotes(reader, f, limit=limit)
    for q in page.items:
        how = "direct" if q.direct else "reported"
        channel = f" on {q.channel}" + (f" ({q.channel_detail})" if q.channel_detail else "") if q.channel else ""
        console.print(f"[bold]{escape(q.speaker or '(unattributed)')}[/bold]{escape(channel)}, {how}"
                      + (f", {q.date}" if q.date else ""), highlight=False)
        console.print(f"    “{escape(q.text.strip())}”  ({q.outlet or 'outlet unknown'} {q.article_id[:10]} chars {q.start}-{q.end})",
                      highlight=False)
    console.print(f"{page.total} quote(s)" + (f", first {len(page.items)} shown" if page.total > len(page.items) else ""),
                  highlight=False)


def _ref(ref) -> str:
    tags = " ".join(t for t in (ref.country, ref.sector) if t)
    return f"{ref.name} ({tags})" if tags else ref.name


def _show_article(store, prefix: str) -> None:
    from newsprism.store.read import article_record, article_tables, reader_of

    reader = reader_of(store)
    row = article_record(reader, prefix)
    if row is None:
        _fail(f"no article with id {prefix!r}")
    for key in ("id", "source", "outlet", "outlet_from", "title", "published", "published_from", "dateline", "language", "url"):
        console.print(f"[bold]{key}[/bold]: {row[key]}", highlight=False)
    for title, result in article_tables(reader, row["id"]).items():
        table = Table(title=title)
        for column in (result[0].keys() if result else []):
            table.add_column(column)
        for r in result:
            table.add_row(*[str(v) if v is not None else "" for v in r.values()])
        console.print(table)


@app.command()
def export(
    db: Path = DbOption,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or parquet (every table); graphml or gexf (actor network); polecat or gdelt (events table); geojson (placed events)."),
    out: Path = typer.Option(Path("export"), "--out", "-o", help="Folder to write one file per table into."),
) -> None:
    """Write every table of the store to files."""
    from newsprism.store.export import EXPORTS
    from newsprism.store.export import export as write_export

    if fmt not in EXPORTS:
        _fail(f"unknown format {fmt!r}: choose one of {', '.join(EXPORTS)}")
    with _read_only(db) as store:
        paths = write_export(store, out, fmt)
    for path in paths:
        console.print(str(path), highlight=False)


@app.command()
def serve(
    db: Path = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; the default keeps the server on this machine."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    ingest_token: Optional[str] = typer.Option(None, "--ingest-token", envvar="NEWSPRISM_INGEST_TOKEN",
                                               help="Accept POST /api/ingest with this token; without it the server is read-only."),
    cors_origin: list[str] = typer.Option([], "--cors-origin", help="Allow this origin to call the API from a browser (repeatable); off by default."),
    max_body_mb: float = typer.Option(5.0, "--max-body-mb", help="Refuse request bodies larger than this."),
    ingest_per_minute: int = typer.Option(30, "--ingest-per-minute", min=1, help="Ingestion requests allowed per client per minute."),
) -> None:
    """Serve the web UI and REST API over the store (reads a snapshot, so `analyze` can keep writing)."""
    import uvicorn

    from newsprism.web.app import ServerConfig, create_app

    if ingest_token is not None and len(ingest_token) < 16:
        _fail("--ingest-token: use at least 16 characters (e.g. `python -c 'import secrets; print(secrets.token_urlsafe())'`)")
    try:
        web_app = create_app(ServerConfig(db_path=db, ingest_token=ingest_token or None, cors_origins=tuple(cors_origin),
                                          max_body_bytes=int(max_body_mb * 1_000_000), ingest_per_minute=ingest_per_minute,
                                          settings=settings_from_env(db_path=db)))
    except NewsprismError as exc:
        _fail(str(exc))
    mode = "accepting ingestion with a token" if ingest_token else "read-only"
    errors.print(f"serving {db} at http://{host}:{port}/ ({mode}); Ctrl+C stops", highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning", server_header=False)


@app.command()
def report(
    db: Path = DbOption,
    out: Path = typer.Option(Path("report"), "--out", "-o", help="Folder to write the HTML report into."),
) -> None:
    """Write a static HTML report of every story, article and actor that opens from disk."""
    from newsprism.web.report import write_report

    try:
        summary = write_report(db, out)
    except NewsprismError as exc:
        _fail(str(exc))
    errors.print(f"{summary.stories} stories, {summary.articles} articles, {summary.actors} actors written to {out}",
                 highlight=False)
    console.print(str(summary.index.resolve()), highlight=False)


@app.command()
def stories(db: Path = DbOption) -> None:
    """List the stories: articles, outlets and claims per status (corroborated, single-source, ...)."""
    from newsprism.stories.queries import STATUSES, list_stories

    with _read_only(db) as store:
        rows = list_stories(store)
    if not rows:
        console.print("no stories yet: run `newsprism analyze` first", highlight=False)
        return
    # Two lines a story (what, then who and how it stands), not a table: nine columns squeezed to
    # 100 characters wrapped each row into eight lines.
    for row in rows:
        outlets = ", ".join(row["outlets"][:3]) + (", …" if len(row["outlets"]) > 3 else "")
        counts = ", ".join(f"{row['claims'][s]} {s}" for s in STATUSES if row["claims"][s]) or "none"
        console.print(f"[bold]{row['id'][:10]}[/bold]  {_date_range(row['first_published'], row['last_published'])}  "
                      f"{row['article_count']} article(s)  {escape(row['title'] or '')}", highlight=False)
        console.print(f"    {len(row['outlets'])} outlet(s): {escape(outlets)}  ·  claims: {counts}", highlight=False)


def _date_range(first, last) -> str:
    """Return "2023-06-24..26", "2023-06-24..07-02" or one date: short enough never to wrap."""
    first, last = (str(d) if d else "?" for d in (first, last))
    if first == last:
        return first
    shared = 8 if first[:8] == last[:8] else 5 if first[:5] == last[:5] else 0
    return f"{first}..{last[shared:]}"


@app.command()
def story(
    story_id: str = typer.Argument(..., help="Story id or a unique prefix (see `newsprism stories`)."),
    db: Path = DbOption,
    status: Optional[str] = typer.Option(None, "--status", help="Only claims of this status: corroborated, single-source, contradicted, disputed or attributed-only."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Only 'events' (coded happenings) or 'facts' (sentences aligned by their words)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Show at most this many claims (and claims only one outlet reports, per outlet)."),
    by: str = typer.Option("outlet", "--by", help="Compare by 'outlet' or by 'side' (groups of outlets, see --sides)."),
    sides: str = typer.Option("control", "--sides", help="With --by side: group outlets by 'control' (state-controlled or independent), 'country', 'kind', or 'file' (the sides file)."),
    sides_file: Optional[Path] = typer.Option(None, "--sides-file", help="A sides file (side<TAB>outlet; outlet per line); implies --sides file."),
    outlets_file: Optional[Path] = typer.Option(None, "--outlets", help="A user outlet table extending the packaged profiles (same columns as outlets.tsv)."),
    section: Optional[list[str]] = typer.Option(None, "--section", help="Only these sections (repeatable): claims, contradictions, omissions, timeline, voices, wording."),
) -> None:
    """Compare the outlets (or sides) of one story: claims, contradictions, omissions, timeline, wording, voices."""
    from newsprism.config import settings_from_env
    from newsprism.outlets import load_outlet_table
    from newsprism.outlets.sides import GROUPINGS, assign_sides
    from newsprism.store import Store
    from newsprism.stories.facts import FACT
    from newsprism.stories.queries import CLAIM_KINDS, STATUSES, story_view
    from newsprism.stories.story_text import SECTIONS, story_lines

    if status is not None and status not in STATUSES:
        _fail(f"--status {status!r}: expected one of {', '.join(STATUSES)}")
    if kind is not None and kind not in CLAIM_KINDS:
        _fail(f"--kind {kind!r}: expected {' or '.join(CLAIM_KINDS)}")
    if by not in ("outlet", "side"):
        _fail(f"--by {by!r}: expected outlet or side")
    if sides_file is not None:
        sides = "file"
    if sides not in GROUPINGS:
        _fail(f"--sides {sides!r}: expected one of {', '.join(GROUPINGS)}")
    for name in section or ():
        if name not in SECTIONS:
            _fail(f"--section {name!r}: expected one of {', '.join(SECTIONS)}")
    settings = settings_from_env()
    try:
        store = Store(db, read_only=True)
        with store:
            view = story_view(store, story_id)
        grouping = None
        if by == "side":
            table = load_outlet_table(outlets_file or settings.outlet_profiles)
            grouping = assign_sides(view.outlets, sides, table, sides_file or settings.sides_file)
    except NewsprismError as exc:
        _fail(str(exc))
    for line in story_lines(view, grouping, tuple(section or SECTIONS), status, kind, limit, fact_type=FACT):
        console.print(escape(line), highlight=False, soft_wrap=True)


def main() -> None:
    app()


if __name__ == "__main__":
    sys.exit(main())
