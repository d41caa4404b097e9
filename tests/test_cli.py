"""The ``cleannews`` command line, run as a real subprocess (plus a few in-process checks)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleannews
from cleannews import batch
from cleannews.article import Article, Block, Removal
from cleannews.batch import Record
from cleannews.cli import build_parser, explain_lines, main, options_from_args, render_document
from cleannews.options import Options

EN_PHRASE = "Fishing boats returned to the docks"
JA_PHRASE = "漁船は夜明け前に港へ戻り"

EN_PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour reopens | Example News</title></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>Harbour reopens after storm</h1>
<p>The harbour of Port Example reopened on Tuesday morning after a week-long closure caused
by the storm, officials said.</p>
<p>{EN_PHRASE} before dawn, and the first ferry left at nine o'clock with more than two
hundred passengers on board.</p>
<p>Repairs to the northern breakwater will continue through the spring, according to the
port authority.</p></article></main><footer>© Example News</footer></body></html>
"""


def ja_page(charset: str) -> str:
    return f"""<!DOCTYPE html><html lang="ja"><head><meta charset="{charset}">
<title>港が再開 | 例ニュース</title></head><body><main><article><h1>嵐の後、港が再開</h1>
<p>例港は一週間にわたる閉鎖の後、火曜日の朝に再開した。当局が明らかにした。港の関係者は安堵の表情を見せた。</p>
<p>{JA_PHRASE}、最初のフェリーは二百人以上の乗客を乗せて九時に出航した。</p>
<p>北側の防波堤の修理は春まで続く見通しだと港湾当局は説明している。</p>
</article></main></body></html>
"""


NON_ARTICLE = b"<html><body><div></div></body></html>"
ERROR_LINE = re.compile(r"^cleannews: error: (?P<source>.+?): (?P<message>.+)$")
EXPLAIN_LINE = re.compile(r'^.+: \[[^\]]+\] .* — ".*"$')


def run(*args: str, cwd: Path, stdin: bytes | None = None, timeout: float = 60,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m cleannews.cli ARGS`` and decode its output as UTF-8."""
    proc = subprocess.run([sys.executable, "-m", "cleannews.cli", *args], cwd=cwd,
                          input=stdin, capture_output=True, timeout=timeout, env=env)
    result = subprocess.CompletedProcess(proc.args, proc.returncode,
                                         proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))
    assert "Traceback" not in result.stderr, result.stderr
    return result


def error_lines(stderr: str) -> list[re.Match[str]]:
    lines = [line for line in stderr.splitlines() if line.startswith("cleannews: error:")]
    matches = [ERROR_LINE.match(line) for line in lines]
    assert all(matches), lines
    return matches  # type: ignore[return-value]


def c_locale_env() -> dict[str, str]:
    """A plain C locale with no UTF-8 help from Python (no coercion, no UTF-8 mode)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LANG", "LC_CTYPE")}
    env.update(LC_ALL="C", PYTHONCOERCECLOCALE="0", PYTHONUTF8="0")
    return env


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.html"
    path.write_text(EN_PAGE, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- text

def test_single_file_prints_just_the_text(tmp_path: Path, page: Path) -> None:
    result = run("clean", str(page), cwd=tmp_path)
    assert result.returncode == 0
    assert EN_PHRASE in result.stdout and "==>" not in result.stdout
    assert result.stderr == ""


def test_japanese_output_is_utf8_under_c_locale(tmp_path: Path) -> None:
    path = tmp_path / "ja.html"
    path.write_text(ja_page("utf-8"), encoding="utf-8")
    result = run("clean", str(path), cwd=tmp_path, env=c_locale_env())
    assert result.returncode == 0 and JA_PHRASE in result.stdout


def test_shift_jis_page_is_processed(tmp_path: Path) -> None:
    path = tmp_path / "sjis.html"
    path.write_bytes(ja_page("shift_jis").encode("shift_jis"))
    result = run("clean", str(path), "--format", "jsonl", cwd=tmp_path, env=c_locale_env())
    assert result.returncode == 0
    assert json.loads(result.stdout)["source"] == str(path)


def test_shift_jis_page_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "sjis.html"
    path.write_bytes(ja_page("shift_jis").encode("shift_jis"))
    assert JA_PHRASE in run("clean", str(path), cwd=tmp_path).stdout


def test_folder_recursion_with_headers(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "b.html").write_text(EN_PAGE, encoding="utf-8")
    (site / "sub" / "a.htm").write_text(EN_PAGE.replace("Fishing", "Sailing"), encoding="utf-8")
    (site / "sub" / "notes.txt").write_text("<p>not taken</p>", encoding="utf-8")
    (site / "sub" / "README").write_text("<p>not taken</p>", encoding="utf-8")
    result = run("clean", "site", cwd=tmp_path)
    assert result.returncode == 0
    headers = re.findall(r"^==> (.+) <==$", result.stdout, flags=re.M)
    assert headers == [os.path.join("site", "b.html"), os.path.join("site", "sub", "a.htm")]
    assert "Sailing boats" in result.stdout and "not taken" not in result.stdout


def test_stdin_dash(tmp_path: Path) -> None:
    result = run("clean", "-", cwd=tmp_path, stdin=EN_PAGE.encode("utf-8"))
    assert result.returncode == 0 and EN_PHRASE in result.stdout


def test_non_article_is_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty-body.html"
    path.write_bytes(NON_ARTICLE)
    text = run("clean", str(path), cwd=tmp_path)
    assert (text.returncode, text.stdout) == (0, "")
    assert not error_lines(text.stderr)
    assert "not an article" in text.stderr  # a note, not an error
    doc = json.loads(run("clean", str(path), "--format", "json", cwd=tmp_path).stdout)
    assert doc["is_article"] is False and "reason" in doc


# --------------------------------------------------------------------------- formats

def test_json_single_is_an_object(tmp_path: Path, page: Path) -> None:
    result = run("clean", str(page), "--format", "json", cwd=tmp_path)
    doc = json.loads(result.stdout)
    assert result.returncode == 0
    assert doc["source"] == str(page) and EN_PHRASE in doc["text"] and "removed" not in doc


def test_json_many_is_an_array_including_errors(tmp_path: Path, page: Path) -> None:
    result = run("clean", str(page), "missing.html", "-", "--format", "json",
                 cwd=tmp_path, stdin=EN_PAGE.encode("utf-8"))
    docs = json.loads(result.stdout)
    assert result.returncode == 1
    assert [d["source"] for d in docs] == [str(page), "missing.html", "-"]
    assert docs[1]["error"] == {"kind": "not_found", "message": "not found"}


def test_jsonl_one_line_per_input_including_errors(tmp_path: Path, page: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    result = run("clean", str(page), "empty.html", "missing.html", "--format", "jsonl",
                 cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert result.returncode == 1 and len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert EN_PHRASE in records[0]["text"]
    assert [r.get("error", {}).get("kind") for r in records] == [None, "empty", "not_found"]


def test_html_format(tmp_path: Path, page: Path) -> None:
    result = run("clean", str(page), "--format", "html", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("<article>") and "<script" not in result.stdout


def test_markdown_format(tmp_path: Path, page: Path) -> None:
    result = run("clean", str(page), "--format", "markdown", cwd=tmp_path)
    assert result.returncode == 0 and not error_lines(result.stderr)


def test_render_document_formats() -> None:
    article = Article(text="Body one.\nBody two.", title="Title", is_article=True,
                      blocks=(Block("paragraph", "Body one."), Block("paragraph", "Body two.")))
    record = Record("a.html", article=article)
    assert render_document(record, "text") == "Body one.\nBody two.\n"
    assert render_document(record, "markdown") == "# Title\n\nBody one.\n\nBody two.\n"
    assert render_document(record, "html").startswith("<article><h1>Title</h1>")
    assert json.loads(render_document(record, "jsonl"))["source"] == "a.html"
    assert render_document(Record("x", error="e", error_kind="empty"), "text") == ""


# --------------------------------------------------------------------------- --output

def test_output_dir_unique_names(tmp_path: Path) -> None:
    for sub in ("one", "two"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "index.html").write_text(EN_PAGE, encoding="utf-8")
    out = tmp_path / "out" / "nested"
    result = run("clean", "one/index.html", "two/index.html", "-", "--output", str(out),
                 cwd=tmp_path, stdin=EN_PAGE.encode("utf-8"))
    assert (result.returncode, result.stdout) == (0, "")
    assert sorted(p.name for p in out.iterdir()) == ["index-2.txt", "index.txt", "stdin.txt"]
    assert EN_PHRASE in (out / "index-2.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt, suffix", [("text", "txt"), ("markdown", "md"), ("json", "json"),
                                         ("jsonl", "json"), ("html", "html")])
def test_output_dir_suffixes(tmp_path: Path, page: Path, fmt: str, suffix: str) -> None:
    result = run("clean", str(page), "-f", fmt, "-o", "out", cwd=tmp_path)
    assert result.returncode == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"harbour.{suffix}"]
    if fmt in ("json", "jsonl"):
        json.loads((tmp_path / "out" / f"harbour.{suffix}").read_text(encoding="utf-8"))


def test_output_dir_cannot_be_created(tmp_path: Path, page: Path) -> None:
    (tmp_path / "afile").write_text("x")
    result = run("clean", str(page), "-o", "afile/out", cwd=tmp_path)
    assert result.returncode == 1 and len(error_lines(result.stderr)) == 1


# --------------------------------------------------------------------------- --explain

@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_explain_adds_removed_and_keeps_stdout_clean(tmp_path: Path, page: Path, fmt: str) -> None:
    result = run("clean", str(page), "--format", fmt, "--explain", cwd=tmp_path)
    doc = json.loads(result.stdout)
    assert result.returncode == 0 and isinstance(doc["removed"], list)
    explained = result.stderr.splitlines()
    assert len(explained) == len(doc["removed"])
    assert all(EXPLAIN_LINE.match(line) for line in explained), explained


def test_explain_lines_format() -> None:
    article = Article(removed=(Removal("ranking", "heading 'Most read' over 10 links",
                                       "Most read\n1. Something", "body/aside[1]"),))
    assert explain_lines("a.html", article) == [
        "a.html: [ranking] heading 'Most read' over 10 links — \"Most read 1. Something\""]


# --------------------------------------------------------------------------- bad inputs

def make_bad_inputs(tmp_path: Path) -> dict[str, tuple[str, str]]:
    """name -> (kind, message) for one bad input of each kind, created in `tmp_path`."""
    (tmp_path / "nohtml").mkdir()
    (tmp_path / "nohtml" / "notes.txt").write_text("hello")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64)
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "prose.txt").write_text("Plain prose.\nNo markup anywhere.\n")
    return {
        "missing.html": ("not_found", "not found"),
        "nohtml": ("empty", "no HTML files in directory"),
        "image.html": ("binary", "binary file (not HTML)"),
        "empty.html": ("empty", "empty file"),
        "prose.txt": ("not_html", "not HTML (no markup found)"),
    }


def test_each_bad_input_is_one_error_line(tmp_path: Path) -> None:
    for name, (kind, message) in make_bad_inputs(tmp_path).items():
        result = run("clean", name, cwd=tmp_path)
        assert (result.returncode, result.stdout) == (1, ""), name
        assert result.stderr == f"cleannews: error: {name}: {message}\n"
        line = json.loads(run("clean", name, "-f", "jsonl", cwd=tmp_path).stdout)
        assert line == {"source": name, "error": {"kind": kind, "message": message}}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.html"
    path.write_text(EN_PAGE, encoding="utf-8")
    path.chmod(0)
    try:
        result = run("clean", "locked.html", cwd=tmp_path)
    finally:
        path.chmod(0o644)
    assert result.returncode == 1
    assert result.stderr == "cleannews: error: locked.html: permission denied\n"


def test_30_mb_page_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:
        fh.write(b"<html><body>")
        fh.write(b"<p>word word</p>" * 2_000_000)  # 32 MB
    start = time.monotonic()
    result = run("clean", "huge.html", "-f", "jsonl", cwd=tmp_path)
    assert time.monotonic() - start < 20
    assert result.returncode == 1
    assert json.loads(result.stdout)["error"]["kind"] == "too_large"
    assert result.stderr == "cleannews: error: huge.html: too large: 32.0 MB > 20.0 MB limit\n"


def test_20000_deep_nesting_finishes(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_bytes(b"<html><body>" + b"<div>" * 20000 + b"<p>deep text</p>"
                     + b"</div>" * 20000 + b"</body></html>")
    result = run("clean", "deep.html", "-f", "jsonl", cwd=tmp_path, timeout=120)
    assert result.returncode in (0, 1)
    assert json.loads(result.stdout)["source"] == "deep.html"
    assert len(result.stderr.splitlines()) <= 1


def test_mixed_batch_good_output_and_exit_1(tmp_path: Path, page: Path) -> None:
    bad = make_bad_inputs(tmp_path)
    (tmp_path / "good2.html").write_text(EN_PAGE.replace("Fishing", "Sailing"), encoding="utf-8")
    # --ordered: worker processes give output in completion order unless asked
    result = run("clean", page.name, *bad, "good2.html", "--ordered", cwd=tmp_path)
    assert result.returncode == 1
    assert EN_PHRASE in result.stdout and "Sailing boats" in result.stdout
    assert re.findall(r"^==> (.+) <==$", result.stdout, flags=re.M) == [page.name, "good2.html"]
    assert [m["source"] for m in error_lines(result.stderr)] == list(bad)
    assert len(result.stderr.splitlines()) == len(bad)


def test_internal_error_in_process(tmp_path: Path, page: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    def boom(*args: object, **kwargs: object) -> Article:
        raise RuntimeError("extractor\nexploded")

    monkeypatch.setattr(batch, "clean", boom)
    assert main(["clean", str(page), "-f", "jsonl"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["error"] == {"kind": "internal", "message": "RuntimeError: extractor exploded"}
    assert err == f"cleannews: error: {page}: RuntimeError: extractor exploded\n"


# --------------------------------------------------------------------------- plumbing

def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for i in range(150):
        (site / f"p{i:03}.html").write_text(EN_PAGE * 3, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "cleannews.cli", "clean", "site"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=60) in (0, 1)
    assert "Traceback" not in err and "Error" not in err


def test_version(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, f"cleannews {cleannews.__version__}\n")


def test_console_script(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "cleannews"
    if not script.exists():
        pytest.skip("console script not installed next to the interpreter")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("cleannews ")


@pytest.mark.parametrize("args", [[], ["clean"], ["clean", "x", "--format", "pdf"],
                                  ["clean", "x", "--min-body-chars", "-1"], ["frobnicate"]])
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2 and "usage:" in result.stderr


def test_options_from_args() -> None:
    args = build_parser().parse_args(
        ["clean", "x.html", "--disable-rule", "ranking", "--disable-rule", "share,recommended",
         "--no-tables", "--include-comments", "--min-body-chars", "5"])
    assert options_from_args(args) == Options(
        disabled_rules=frozenset({"ranking", "share", "recommended"}), include_tables=False,
        include_comments=True, min_body_chars=5)
    assert options_from_args(build_parser().parse_args(["clean", "x.html"])) == Options()
    # bold/italic are recorded only for the formats that show them
    for fmt, formatting in (("markdown", True), ("html", True), ("text", False), ("jsonl", False)):
        parsed = build_parser().parse_args(["clean", "x.html", "-f", fmt])
        assert options_from_args(parsed).include_formatting is formatting


def test_unknown_rule_name_is_a_usage_error(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<html><body><p>" + "Some article text here. " * 20 + "</p></body></html>", encoding="utf-8")
    proc = run("clean", "--disable-rule", "rankingz", str(page), cwd=tmp_path)
    assert proc.returncode == 2
    assert "unknown rule(s): rankingz" in proc.stderr and "ranking" in proc.stderr
    ok = run("clean", "--disable-rule", "ranking,share", str(page), cwd=tmp_path)
    assert ok.returncode == 0 and "Some article text" in ok.stdout
