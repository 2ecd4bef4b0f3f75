#!/usr/bin/env python3
"""cleartext benchmark: fetch corpora from the package registries, install peers, time them.

Standard library only. Everything it downloads or builds lives in bench/work/ (gitignored).

    python3 bench/bench.py setup          # corpora + peers (idempotent)
    python3 bench/bench.py run            # every tree, every installed peer
    python3 bench/bench.py run --only python --runs 5 --slow-runs 3

Not run in CI: timings depend on the machine and its load.
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tarfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work")
BIN = os.path.join(ROOT, "target", "release", "cleartext")
FLOOR_BIN = os.path.join(ROOT, "target", "release", "examples", "parse_floor")
# Kinds whose files cleartext parses with tree-sitter or syn (examples/parse_floor.rs).
PARSED_KINDS = {"python", "javascript", "typescript", "rust"}
# cleartext's defaults that decide which files it reads at all (walk.rs, cli.rs).
DEPENDENCY_DIRS = {"node_modules", "vendor", ".git"}
MAX_FILESIZE = 10 * 1024 * 1024

DJANGO = "django==5.1.4"
# The npm corpus: the ten packages of corpora/package.json, at the versions of its lock file.
CRATES = {
    "tokio": '{ version = "=1.41.1", features = ["full"] }',
    "reqwest": '{ version = "=0.12.9", features = ["blocking", "json"] }',
    "hyper": '{ version = "=1.5.1", features = ["full"] }',
    "rustls": "=0.23.18",
    "openssl": "=0.10.68",
    "native-tls": "=0.2.12",
    "aes-gcm": "=0.10.3",
    "chacha20poly1305": "=0.10.1",
    "rsa": "=0.9.6",
    "sqlx": '{ version = "=0.8.2", default-features = false, features = ["postgres", "mysql"] }',
    "tokio-postgres": "=0.7.12",
    "redis": "=0.27.5",
    "lettre": "=0.11.10",
    "serde": '{ version = "=1.0.215", features = ["derive"] }',
    "serde_json": "=1.0.133",
    "regex": "=1.11.1",
    "clap": '{ version = "=4.5.21", features = ["derive"] }',
    "syn": '{ version = "=2.0.87", features = ["full"] }',
}
TF_MODULES = 500

# Semgrep/Checkov/Bandit/njsscan take seconds to minutes a run: fewer runs, said in the table.
SLOW = {"bandit", "semgrep", "njsscan", "checkov"}
CHECKOV_IDS = ",".join(
    [
        "CKV_AWS_2", "CKV_AWS_3", "CKV_AWS_5", "CKV_AWS_7", "CKV_AWS_8", "CKV_AWS_16",
        "CKV_AWS_17", "CKV_AWS_19", "CKV_AWS_26", "CKV_AWS_27", "CKV_AWS_29", "CKV_AWS_30",
        "CKV_AWS_31", "CKV_AWS_64", "CKV_AWS_96", "CKV_AWS_103", "CKV_AWS_145", "CKV_AWS_189",
        "CKV_AWS_191", "CKV_AWS_157", "CKV2_AWS_69",
    ]
)
# Pinned so that a later run measures the same peers (the versions of the 2026-11-29 tables).
PEERS = {
    "ruff": "0.17.6",
    "bandit": "1.9.4",
    "semgrep": "1.185.0",
    "checkov": "3.3.30",
    "njsscan": "1.0.2",
}
# The lock files that pin every transitive package of the npm and crates corpora: without them
# `npm install` and `cargo fetch` resolve to whatever is newest on the day of setup.
CORPORA = os.path.join(HERE, "corpora")

# What Semgrep 1.185 leaves out by default when a tree has no .semgrepignore (its built-in
# list, read from semgrep-core) and its --max-target-bytes default. Semgrep never reads tests/
# or files over 1 MB, so a like-for-like ratio times cleartext on the same files too.
SEMGREP_DEFAULT_IGNORES = [
    ".git", ".svn", ".hg", "_darcs", "CVS", "build/", "vendor/", "dist/", "*.min.js", ".env/",
    ".tox/", "node_modules/", ".npm/", ".yarn/", ".venv/", "_opam/", "_build/", "_cargo/",
    "test/", "tests/", "testsuite/", "*_test.go",
]
SEMGREP_MAX_TARGET_BYTES = 1_000_000


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    log("$ " + " ".join(cmd))
    return subprocess.run(cmd, check=True, **kw)


# ---------------------------------------------------------------- setup


def tree(name):
    return os.path.join(WORK, "trees", name)


def setup_python():
    dest = tree("django")
    if os.path.isdir(dest):
        return
    dl = os.path.join(WORK, "dl")
    os.makedirs(dl, exist_ok=True)
    sh([sys.executable, "-m", "pip", "download", "-q", "--no-binary", ":all:", "--no-deps",
        DJANGO, "-d", dl])
    name = DJANGO.replace("==", "-").capitalize()
    tgz = [f for f in os.listdir(dl) if f.lower().startswith(name.lower()) and f.endswith(".tar.gz")]
    with tarfile.open(os.path.join(dl, tgz[0])) as t:
        t.extractall(os.path.join(WORK, "trees", "_django"), filter="data")
    inner = os.listdir(os.path.join(WORK, "trees", "_django"))[0]
    os.rename(os.path.join(WORK, "trees", "_django", inner), dest)
    os.rmdir(os.path.join(WORK, "trees", "_django"))


def setup_npm():
    dest = tree("npm")
    if os.path.isdir(os.path.join(dest, "packages")):
        return
    os.makedirs(dest, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(os.path.join(CORPORA, name), os.path.join(dest, name))
    sh(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=dest,
       stdout=subprocess.DEVNULL)
    # njsscan and Semgrep skip any directory named node_modules even when it is the target;
    # under another name every tool reads the same files.
    os.rename(os.path.join(dest, "node_modules"), os.path.join(dest, "packages"))


def setup_rust():
    dest = tree("crates")
    if os.path.isdir(dest):
        return
    proj = os.path.join(WORK, "cargo-project")
    os.makedirs(os.path.join(proj, "src"), exist_ok=True)
    deps = "\n".join(f"{k} = {v if v.startswith('{') else json.dumps(v)}" for k, v in CRATES.items())
    with open(os.path.join(proj, "Cargo.toml"), "w") as f:
        f.write(f'[package]\nname = "cleartext-bench"\nversion = "0.0.0"\nedition = "2021"\n\n'
                f"[dependencies]\n{deps}\n")
    with open(os.path.join(proj, "src", "lib.rs"), "w") as f:
        f.write("")
    shutil.copy(os.path.join(CORPORA, "Cargo.lock"), os.path.join(proj, "Cargo.lock"))
    env = dict(os.environ, CARGO_HOME=os.path.join(WORK, "cargo-home"))
    sh(["cargo", "fetch", "--locked", "--manifest-path", os.path.join(proj, "Cargo.toml")],
       env=env)
    src = os.path.join(WORK, "cargo-home", "registry", "src")
    os.makedirs(dest)
    for index in os.listdir(src):
        for crate in sorted(os.listdir(os.path.join(src, index))):
            # Generated platform bindings (160 MB of windows-sys) and vendored C (aws-lc) are
            # not code anyone reviews; they would only make the Semgrep runs take hours.
            if crate.startswith(("windows", "aws-lc")):
                continue
            shutil.copytree(os.path.join(src, index, crate), os.path.join(dest, crate),
                            symlinks=True)


def setup_terraform():
    dest = tree("terraform")
    if os.path.isdir(dest):
        return
    sh([sys.executable, os.path.join(HERE, "gen_terraform.py"), dest,
        "--modules", str(TF_MODULES)])


def setup_peers():
    status = {}
    for p, version in PEERS.items():
        venv = os.path.join(WORK, f"venv-{p}")
        exe = os.path.join(venv, "bin", p)
        if not os.path.exists(exe):
            try:
                sh([sys.executable, "-m", "venv", venv])
                with open(os.path.join(WORK, f"pip-{p}.log"), "w") as logf:
                    sh([os.path.join(venv, "bin", "pip"), "install", "-q", f"{p}=={version}"],
                       stdout=logf, stderr=logf)
            except (subprocess.CalledProcessError, OSError) as e:
                log(f"{p}: not installed ({e})")
        status[p] = "installed" if os.path.exists(exe) else "not installed"
    if shutil.which("rg") is None:
        try:
            sh(["apt-get", "install", "-y", "ripgrep"], stdout=subprocess.DEVNULL)
        except (subprocess.CalledProcessError, OSError) as e:
            log(f"rg: not installed ({e})")
    status["rg"] = "installed" if shutil.which("rg") else "not installed"
    return status


def setup(_args):
    os.makedirs(WORK, exist_ok=True)
    for step in (setup_python, setup_npm, setup_rust, setup_terraform):
        step()
    for k, v in setup_peers().items():
        log(f"{k}: {v}")
    sh(["cargo", "build", "--release", "--manifest-path", os.path.join(ROOT, "Cargo.toml")])
    sh(["cargo", "build", "--release", "--example", "parse_floor", "--manifest-path",
        os.path.join(ROOT, "Cargo.toml")])


# ---------------------------------------------------------------- running


def peer(name):
    return os.path.join(WORK, f"venv-{name}", "bin", name)


def literals_file(kinds):
    """The prefilter's words for `kinds` (from the hidden `debug-literals` subcommand)."""
    out = subprocess.run([BIN, "debug-literals"], check=True, capture_output=True, text=True)
    words = set()
    for line in out.stdout.splitlines():
        kind, word = line.split("\t", 1)
        if kind in kinds and word != "*":
            words.add(word)
    path = os.path.join(WORK, f"literals-{'-'.join(kinds)}.txt")
    with open(path, "w") as f:
        f.write("\n".join(sorted(words)) + "\n")
    return path


def passed_list(path, globs, kinds):
    """The files of `path` that cleartext would parse, as `debug-prefilter` lines in a file
    for examples/parse_floor.rs: every file its walk reads (dependency directories pruned,
    the default size limit) that passes the prefilter."""
    files = [f for f in source_files(path, globs, prune=DEPENDENCY_DIRS)
             if os.path.isfile(f) and os.path.getsize(f) <= MAX_FILESIZE]
    out = os.path.join(WORK, f"passed-{'-'.join(kinds)}.tsv")
    with open(out, "w") as f:
        for i in range(0, len(files), 500):
            lines = subprocess.run([BIN, "debug-prefilter", *files[i:i + 500]], check=True,
                                   capture_output=True, text=True).stdout
            f.write(lines)
    return out


class TimedOut(Exception):
    pass


def measure(cmd, cwd=None, env=None, timeout=None):
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB), each counting the child
    and the children it waited for (Semgrep's core, Checkov's workers). A run longer than
    `timeout` seconds is killed with its whole process group and raises TimedOut."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    while True:
        # Without a limit, block: polling would add its sleep to short runs (one file).
        pid, status, ru = os.wait4(p.pid, 0 if timeout is None else os.WNOHANG)
        if pid:
            break
        if timeout is not None and time.perf_counter() - start > timeout:
            os.killpg(p.pid, signal.SIGKILL)
            os.wait4(p.pid, 0)
            raise TimedOut()
        time.sleep(0.002)
    wall = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode < 0:
        raise RuntimeError(f"{cmd[0]} died with signal {-p.returncode}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0, p.returncode


def bench_one(label, cmd, runs, cwd=None, env=None, warmup=True, timeout=None):
    walls, cpus, rss, code = [], [], [], None
    try:
        if warmup:
            measure(cmd, cwd, env, timeout)
        for _ in range(runs):
            w, c, r, code = measure(cmd, cwd, env, timeout)
            walls.append(w)
            cpus.append(c)
            rss.append(r)
    except TimedOut:
        # One run over the limit says enough: the tool is at least that slow.
        log(f"  {label:<28} did not finish in {timeout:.0f} s (killed)")
        return {"tool": label, "runs": len(walls) + 1, "timeout": timeout}
    return summarize(label, runs, walls, cpus, rss, code)


def bench_interleaved(specs, runs):
    """The fast tools of one tree, (label, argv, env) each, run in turns: round r starts with
    tool r (mod n), so that a slow spell of a shared machine falls on all of them alike and
    their ratios hold even when absolute times drift. Each is warmed up once first."""
    for _, cmd, env in specs:
        measure(cmd, None, env)
    seen = [([], [], [], [None]) for _ in specs]
    for r in range(runs):
        for k in range(len(specs)):
            i = (r + k) % len(specs)
            w, c, m, code = measure(specs[i][1], None, specs[i][2])
            seen[i][0].append(w)
            seen[i][1].append(c)
            seen[i][2].append(m)
            seen[i][3][0] = code
    return [summarize(label, runs, walls, cpus, rss, code[0])
            for (label, _, _), (walls, cpus, rss, code) in zip(specs, seen)]


def summarize(label, runs, walls, cpus, rss, code):
    row = {
        "tool": label,
        "runs": runs,
        "median": statistics.median(walls),
        "min": min(walls),
        "max": max(walls),
        "cpu": statistics.median(cpus),
        "rss": max(rss),
        "exit": code,
    }
    log(f"  {label:<28} median {row['median']:.3f}s  min {row['min']:.3f}  max {row['max']:.3f}"
        f"  cpu {row['cpu']:.3f}s  rss {row['rss']:.0f} MiB  exit {code}")
    return row


def cleartext(path, *extra):
    return [BIN, "check", "--format", "json", "--fail-on", "never", *extra, path]


def semgrep_scope():
    """cleartext options that read only the files Semgrep reads by default."""
    args = ["--max-filesize", str(SEMGREP_MAX_TARGET_BYTES)]
    for g in SEMGREP_DEFAULT_IGNORES:
        args += ["--exclude", g]
    return args


def trees():
    """name, path, rg globs, prefilter kinds, peers (label, argv, env)."""
    semgrep_env = dict(os.environ, SEMGREP_SEND_METRICS="off", SEMGREP_ENABLE_VERSION_CHECK="0")
    sg = lambda lang, path: [peer("semgrep"), "scan", "--metrics", "off", "--quiet",
                             "--disable-version-check", "--config",
                             os.path.join(HERE, "semgrep", f"{lang}.yaml"), "--json",
                             "--no-git-ignore", path]
    django = tree("django")
    npm = os.path.join(tree("npm"), "packages")
    crates = tree("crates")
    tf = tree("terraform")
    return [
        ("python (Django 5.1.4 sdist: django/, tests/, docs/)", django, ["*.py"], ["python"], [
            ("ruff check --select S", [peer("ruff"), "check", "--select", "S", "--no-cache",
                                       "--exit-zero", "--quiet", django], None),
            ("bandit -r", [peer("bandit"), "-r", "-q", "-f", "json", django], None),
            ("semgrep (bench rules)", sg("python", django), semgrep_env),
        ]),
        ("javascript (npm ci of 10 packages, node_modules renamed packages/)", npm, ["*.js", "*.mjs", "*.cjs", "*.ts", "*.mts", "*.cts",
                                         "*.jsx", "*.tsx"], ["javascript", "typescript"], [
            ("njsscan", [peer("njsscan"), "--json", "-o", os.devnull, npm], None),
            ("semgrep (bench rules)", sg("javascript", npm), semgrep_env),
        ]),
        ("rust (crates)", crates, ["*.rs"], ["rust"], [
            ("semgrep (bench rules)", sg("rust", crates), semgrep_env),
        ]),
        ("terraform (generated)", tf, ["*.tf"], ["terraform"], [
            ("checkov -d (enc/TLS ids)", [peer("checkov"), "-d", tf, "--framework", "terraform",
                                          "--check", CHECKOV_IDS, "--quiet", "--compact",
                                          "-o", "json", "--skip-download"], None),
        ]),
    ]


def source_files(path, globs, prune=()):
    """The files under `path` whose names match one of `globs`, not descending into `prune`."""
    import fnmatch
    for dirpath, dirs, names in os.walk(path):
        dirs[:] = [d for d in dirs if d not in prune]
        for f in names:
            if any(fnmatch.fnmatch(f, g) for g in globs):
                yield os.path.join(dirpath, f)


def count_files(path, globs):
    files = list(source_files(path, globs))
    return len(files), sum(os.path.getsize(f) for f in files)


def run(args):
    if not os.path.exists(BIN):
        sys.exit("build first: cargo build --release (or bench.py setup)")
    results = []
    for name, path, globs, kinds, peers in trees():
        if args.only and not any(o in name for o in args.only):
            continue
        if not os.path.isdir(path):
            log(f"{name}: tree missing, run setup")
            continue
        n, size = count_files(path, globs)
        log(f"{name}: {n} files, {size / 1e6:.1f} MB")
        # Rows in table order; the fast tools' rows are filled in by one interleaved run.
        rows, fast = [], []

        def fast_row(label, cmd, env=None):
            rows.append(None)
            fast.append((len(rows) - 1, (label, cmd, env)))

        fast_row("cleartext", cleartext(path))
        with_semgrep = any(os.path.basename(cmd[0]) == "semgrep" for _, cmd, _ in peers)
        if with_semgrep:
            fast_row("cleartext on Semgrep's default files", cleartext(path, *semgrep_scope()))
        if shutil.which("rg"):
            lits = literals_file(kinds)
            cmd = ["rg", "--no-ignore", "--hidden", "--no-messages", "-i", "-F", "-c",
                   "-f", lits, *sum((["-g", g] for g in globs), []), path]
            fast_row("rg (prefilter literals)", cmd)
        else:
            rows.append({"tool": "rg (prefilter literals)", "missing": True})
        if PARSED_KINDS & set(kinds):
            label = "parsers alone (files cleartext parses)"
            if os.path.exists(FLOOR_BIN):
                fast_row(label, [FLOOR_BIN, passed_list(path, globs, kinds)])
            else:
                rows.append({"tool": label, "missing": True})
        slow = []
        for label, cmd, env in peers:
            tool = os.path.basename(cmd[0])
            # njsscan runs `semgrep` from PATH: each peer sees its own venv first.
            env = dict(env or os.environ)
            env["PATH"] = os.path.dirname(cmd[0]) + os.pathsep + env.get("PATH", "")
            if not os.path.exists(cmd[0]):
                rows.append({"tool": label, "missing": True})
                continue
            if tool not in SLOW:
                fast_row(label, cmd, env)
            elif not args.skip_slow:
                rows.append(None)
                slow.append((len(rows) - 1, label, cmd, env))
        for (i, _), row in zip(fast, bench_interleaved([spec for _, spec in fast], args.runs)):
            rows[i] = row
        for i, label, cmd, env in slow:
            rows[i] = bench_one(label, cmd, args.slow_runs, env=env, warmup=False,
                                timeout=args.timeout)
        base, base_cpu = rows[0]["median"], rows[0]["cpu"]
        for r in rows:
            if "median" in r:
                r["ratio"] = base / r["median"]
                r["cpu_ratio"] = base_cpu / r["cpu"] if r["cpu"] else float("nan")
            elif "timeout" in r:
                r["ratio"] = base / r["timeout"]
        scoped = next((r for r in rows if r["tool"].startswith("cleartext on Semgrep")), None)
        for r in rows:
            if scoped and r["tool"].startswith("semgrep") and "median" in r:
                r["scoped_ratio"] = scoped["median"] / r["median"]
                r["scoped_cpu_ratio"] = scoped["cpu"] / r["cpu"] if r["cpu"] else float("nan")
        results.append({"tree": name, "files": n, "mb": size / 1e6, "rows": rows})

    extra = []
    if not args.only or "one-file" in args.only:
        one = os.path.join(tree("django"), "django", "core", "mail", "backends", "smtp.py")
        if os.path.exists(one):
            extra.append(("one file (pre-commit): django/core/mail/backends/smtp.py",
                          bench_one("cleartext", cleartext(one), max(args.runs, 20))))
    if not args.only or "scaling" in args.only:
        # The largest tree where parsing, not start-up, dominates.
        big = tree("crates")
        if os.path.isdir(big):
            rows = [bench_one(f"cleartext --threads {n}", cleartext(big, "--threads", str(n)),
                              args.runs) for n in (1, 2)]
            extra.append(("scaling (crates tree, 1 vs 2 worker threads)", rows))
    print(render(results, extra))
    with open(os.path.join(WORK, "results.json"), "w") as f:
        json.dump({"results": results, "extra": extra}, f, indent=1)


def render(results, extra):
    out = []
    for r in results:
        out.append(f"\n### {r['tree']} — {r['files']} files, {r['mb']:.1f} MB\n")
        out.append("| tool | runs | median wall s | min s | max s | cleartext ÷ tool (wall) "
                   "| median CPU s | cleartext ÷ tool (CPU) | peak RSS MiB |")
        out.append("|---|---|---|---|---|---|---|---|---|")
        for row in r["rows"]:
            if row.get("missing"):
                out.append(f"| {row['tool']} | not installed | | | | | | | |")
                continue
            if "timeout" in row:
                out.append(f"| {row['tool']} | killed after {row['timeout']:.0f} s | > {row['timeout']:.0f} "
                           f"| | | < {row['ratio']:.4f} | | | |")
                continue
            out.append(f"| {row['tool']} | {row['runs']} | {row['median']:.3f} | {row['min']:.3f} "
                       f"| {row['max']:.3f} | {row['ratio']:.3f} | {row['cpu']:.3f} | {row['cpu_ratio']:.3f} "
                       f"| {row['rss']:.0f} |")
        for row in r["rows"]:
            if "scoped_ratio" in row:
                out.append(f"\nSame files ({row['tool']} against cleartext on Semgrep's default "
                           f"files): cleartext is {1 / row['scoped_ratio']:.0f}× faster by wall "
                           f"time, {1 / row['scoped_cpu_ratio']:.0f}× by CPU.")
    for title, rows in extra:
        out.append(f"\n### {title}\n")
        out.append("| run | runs | median wall s | min s | max s | median CPU s | peak RSS MiB |")
        out.append("|---|---|---|---|---|---|---|")
        for row in rows if isinstance(rows, list) else [rows]:
            out.append(f"| {row['tool']} | {row['runs']} | {row['median']:.4f} | {row['min']:.4f} "
                       f"| {row['max']:.4f} | {row['cpu']:.4f} | {row['rss']:.0f} |")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("setup")
    r = sub.add_parser("run")
    r.add_argument("--runs", type=int, default=5)
    r.add_argument("--slow-runs", type=int, default=3)
    r.add_argument("--only", action="append",
                   help="python, javascript, rust, terraform, one-file, scaling (repeatable)")
    r.add_argument("--skip-slow", action="store_true", help="skip Bandit/Semgrep/njsscan/Checkov")
    r.add_argument("--timeout", type=float, default=600,
                   help="kill a peer's run after this many seconds and report it as slower")
    args = ap.parse_args()
    {"setup": setup, "run": run}[args.cmd](args)


if __name__ == "__main__":
    main()
