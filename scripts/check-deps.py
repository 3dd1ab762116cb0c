#!/usr/bin/env python3
"""Keeps the layering of ARCHITECTURE.md true, from `cargo metadata` (offline, no network).

1. The pure crates (protocol, engine, linebreak, reports) never depend, directly or through
   other crates, on a runtime, web framework, database or game engine: tokio, axum, sqlx, bevy
   (and their sqlx-* and bevy_* parts). Only normal dependencies count: a test may use tokio.
2. No crate but madoguchi-server (the storage layer) depends on sqlx, in any dependency kind.
3. Inside the server, the modules import one another one way (request → transaction → writer
   → store): no cycle among the top-level modules of server/src, nothing imports back up to the
   crate root (lib.rs), and no module but `store` names sqlx.

Prints what it checked; on a failure names the crate and the path of dependencies that led to
the forbidden one, and exits 1. Modelled on rerun's scripts/check_forbidden_dependencies.py.
"""

import json
import os
import re
import subprocess
import sys
from collections import deque

PURE = ["madoguchi-protocol", "madoguchi-engine", "madoguchi-linebreak", "madoguchi-reports"]
FORBIDDEN = ["tokio", "axum", "sqlx", "bevy"]
STORAGE = "madoguchi-server"


def forbidden_name(name):
    """The forbidden crate `name` is, or belongs to (sqlx-core, bevy_ecs), or None."""
    for f in FORBIDDEN:
        if name == f or (f in ("sqlx", "bevy") and name.startswith((f + "-", f + "_"))):
            return f
    return None


def metadata():
    host = subprocess.run(
        ["rustc", "-vV"], check=True, capture_output=True, text=True
    ).stdout
    triple = next(l.split(": ", 1)[1] for l in host.splitlines() if l.startswith("host: "))
    # The host platform only: other targets' crates (e.g. Windows or Android parts of bevy)
    # need not be downloaded, so this runs offline on a machine that has built the workspace.
    command = ["cargo", "metadata", "--format-version", "1", "--offline", "--filter-platform", triple]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0 and "--offline" in run.stderr:
        # A fresh machine has not downloaded the crates yet; the build steps after this one
        # download exactly these (Cargo.lock), so fetch them now, once.
        print("check-deps: the crates are not downloaded yet; cargo fetch --locked first")
        subprocess.run(["cargo", "fetch", "--locked"], check=True)
        run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        raise subprocess.CalledProcessError(run.returncode, command, run.stdout, run.stderr)
    return json.loads(run.stdout)


def main():
    try:
        meta = metadata()
    except subprocess.CalledProcessError as err:
        sys.stderr.write(err.stderr or "")
        print("check-deps: cargo metadata failed (above).")
        return 1
    names = {p["id"]: p["name"] for p in meta["packages"]}
    by_name = {p["name"]: p["id"] for p in meta["packages"] if p["id"] in meta["workspace_members"]}
    edges = {}
    for node in meta["resolve"]["nodes"]:
        edges[node["id"]] = [
            (d["pkg"], {k["kind"] for k in d["dep_kinds"]}) for d in node["deps"]
        ]
    failures = []

    def normal_deps(pkg):
        return [dep for dep, kinds in edges.get(pkg, []) if None in kinds]

    def walk(start, stop=lambda pkg: False):
        """Breadth first over normal dependencies: every crate reached and how."""
        parent = {start: None}
        queue = deque([start])
        while queue:
            pkg = queue.popleft()
            if stop(pkg) and pkg != start:
                continue
            for dep in normal_deps(pkg):
                if dep not in parent:
                    parent[dep] = pkg
                    queue.append(dep)
        return parent

    def path(parent, pkg):
        chain = []
        while pkg is not None:
            chain.append(names[pkg])
            pkg = parent[pkg]
        return " -> ".join(reversed(chain))

    for crate in PURE:
        if crate not in by_name:
            failures.append(f"{crate} is not a workspace member any more; update {sys.argv[0]}")
            continue
        parent = walk(by_name[crate])
        bad = sorted(
            (path(parent, pkg) for pkg in parent if forbidden_name(names[pkg])), key=len
        )
        # The shortest path to each forbidden crate is enough to see where it comes from.
        seen = set()
        for chain in bad:
            f = forbidden_name(chain.rsplit(" -> ", 1)[-1])
            if f not in seen:
                seen.add(f)
                failures.append(f"{crate} must not depend on {f}: {chain}")
        print(f"check-deps: {crate}: {len(parent) - 1} crates, none of {', '.join(FORBIDDEN)}"
              if not seen else f"check-deps: {crate}: FAILED")

    storage = by_name.get(STORAGE)
    for crate, pkg in sorted(by_name.items()):
        if crate == STORAGE:
            continue
        direct = [names[d] for d, _ in edges.get(pkg, []) if forbidden_name(names[d]) == "sqlx"]
        if direct:
            failures.append(f"{crate} must not depend on sqlx (only {STORAGE} writes SQL): "
                            f"{crate} -> {direct[0]}")
            continue
        # Through other crates too, except through the storage layer itself.
        parent = walk(pkg, stop=lambda p: p == storage)
        hits = [p for p in parent if forbidden_name(names[p]) == "sqlx"]
        if hits:
            failures.append(f"{crate} must not depend on sqlx (only {STORAGE} writes SQL): "
                            f"{path(parent, hits[0])}")
    print(f"check-deps: sqlx: only {STORAGE} of {len(by_name)} workspace crates"
          if not any("sqlx (only" in f for f in failures) else "check-deps: sqlx: FAILED")

    failures.extend(server_modules())

    for f in failures:
        print(f"check-deps: {f}")
    if failures:
        print("check-deps: the layering of ARCHITECTURE.md is broken (see above); move the "
              "dependency to a shell crate (server, kiosk, display).")
        return 1
    print("check-deps: layering OK")
    return 0


SERVER_SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "server", "src")
ROOT_FILES = ("lib.rs", "main.rs")


def server_modules():
    """Check 3: the server's module graph, from the `crate::…` paths in its sources."""
    graph, failures = {}, []
    for folder, _, files in os.walk(SERVER_SRC):
        for file in files:
            if not file.endswith(".rs"):
                continue
            full = os.path.join(folder, file)
            rel = os.path.relpath(full, SERVER_SRC)
            top = rel.split(os.sep)[0]
            if top in ROOT_FILES:
                continue
            module = top[:-3] if top.endswith(".rs") else top
            text = open(full, encoding="utf-8").read()
            code = re.sub(r"//[^\n]*", "", text)
            names = set(re.findall(r"\bcrate::([A-Za-z_][A-Za-z0-9_]*)", code))
            for group in re.findall(r"\bcrate::\{([^}]*)\}", code):
                names.update(re.findall(r"(?:^|,)\s*([A-Za-z_][A-Za-z0-9_]*)", group))
            for name in sorted(names):
                if name[0].isupper():
                    failures.append(f"server/src/{rel} imports crate::{name} from the crate root "
                                    f"(lib.rs); import it from the module that defines it")
                elif name != module:
                    graph.setdefault(module, set()).add(name)
            if module != "store" and re.search(r"\bsqlx\b", code):
                failures.append(f"server/src/{rel} names sqlx: only the store module speaks SQL")
    # Cycles: depth first, reporting each strongly connected loop once by its path.
    state, stack, cycles = {}, [], []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    for cycle in cycles:
        failures.append("server modules import each other in a circle: " + " -> ".join(cycle))
    edges = sum(len(v) for v in graph.values())
    print(f"check-deps: server modules: {len(graph)} modules, {edges} imports, "
          + ("no circle, none back to lib.rs" if not failures else "FAILED"))
    return failures


if __name__ == "__main__":
    sys.exit(main())
