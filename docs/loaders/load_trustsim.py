#!/usr/bin/env python3
"""Read TrustSim output folders into pandas DataFrames, typed by each folder's datapackage.json.

    python3 docs/loaders/load_trustsim.py FOLDER [FOLDER ...]

prints a short summary of each folder (run, sweep, comparison or calibration). Or, in your own code:

    from load_trustsim import load_folder
    tables = load_folder("output/cambridge-analytica/20250101-120000")
    tables["summary"]["final_reputation"].describe()

Every table comes with the types its data package declares: integers as pandas' nullable Int64, numbers as
float64 (an empty field, a missing or undefined value, is NaN), dates as datetime64, booleans as nullable
boolean, text as strings. Seeds are text ("0x" and 16 hex digits): a 64-bit seed above 2^53 would come back
as a different number from any float column; seed_value() turns one into a Python int. Text that a
spreadsheet would take for a formula was written with one leading quote (docs/reliability.md); it is taken
off here. A sweep's timeseries.parquet needs pyarrow (or fastparquet); without one, the loader reads the
gzipped CSV copy that `trustsim export FOLDER --format csv` writes to FOLDER/export/.

Needs Python 3.8+ and pandas (1.5 or later; Debian: apt-get install python3-pandas).
"""
import json
import os
import re
import sys

import pandas as pd

# One leading quote before (more quotes and then) = + - @ tab or CR: the writer's formula guard.
FORMULA_GUARD = re.compile(r"^'(?='*[=+\-@\t\r])")

PANDAS_TYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "date": "string", "string": "string"}


def read_package(folder):
    """The folder's datapackage.json as a dict (None when the folder has none)."""
    path = os.path.join(folder, "datapackage.json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def folder_kind(package):
    """run, sweep, comparison or calibration: the package is named trustsim-KIND-NAME."""
    return package["name"].split("-")[1]


def read_table(folder, resource):
    """One tabular resource as a DataFrame with its declared column types and names, checked against the file."""
    path = os.path.join(folder, resource["path"])
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]
    if resource["format"] == "parquet":
        frame = pd.read_parquet(path)
    else:
        dtypes = {f["name"]: PANDAS_TYPES[f["type"]] for f in fields}
        # Only an empty field is missing: a label or name reading "NA" stays text.
        frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8")
        check_columns(path, frame, names)
        for f in fields:
            column = f["name"]
            if f["type"] == "date":
                frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
            elif f["type"] == "string":
                frame[column] = frame[column].str.replace(FORMULA_GUARD, "", regex=True)
    check_columns(path, frame, names)
    return frame


def check_columns(path, frame, names):
    if list(frame.columns) != names:
        raise ValueError(f"{path}: columns {list(frame.columns)} are not those datapackage.json lists {names}")


def parquet_readable():
    for engine in ("pyarrow", "fastparquet"):
        try:
            __import__(engine)
            return True
        except ImportError:
            pass
    return False


def load_folder(folder):
    """Every table of a folder, by resource name; a Parquet table without a Parquet engine comes from FOLDER/export."""
    package = read_package(folder)
    if package is None:
        raise ValueError(f"{folder}: no datapackage.json (not a TrustSim folder, unfinished, or written by a trustsim before 2026)")
    exported = read_package(os.path.join(folder, "export")) or {"resources": []}
    copies = {r["name"]: r for r in exported["resources"] if r["format"] == "csv"}
    tables = {}
    for resource in package["resources"]:
        if "schema" not in resource:
            continue
        if resource["format"] == "parquet" and not parquet_readable():
            if resource["name"] not in copies:
                print(f"  {resource['path']}: skipped (needs pyarrow; or run: trustsim export {folder} --format csv)")
                continue
            tables[resource["name"]] = read_table(os.path.join(folder, "export"), copies[resource["name"]])
            continue
        tables[resource["name"]] = read_table(folder, resource)
    return package, tables


def seed_value(text):
    """A seed as the files write it (0x...) or as older folders did (decimal), as a Python int."""
    return int(text, 16) if text.startswith(("0x", "0X")) else int(text)


def summarise(folder):
    package = read_package(folder)
    if package is not None:
        print(f"{folder}: {package['title']}")
    package, tables = load_folder(folder)
    kind = folder_kind(package)
    for name, frame in tables.items():
        print(f"  {name}: {len(frame)} rows x {len(frame.columns)} columns")
    if kind == "run":
        summary = tables["summary"]
        seeds = [seed_value(s) for s in summary["seed"]]
        print(f"  {len(summary)} replications, seeds {min(seeds)}..{max(seeds)}; final reputation mean "
              f"{summary['final_reputation'].mean():.4f} (min {summary['final_reputation'].min():.4f})")
        events = tables["events"]
        print("  events by kind: " + ", ".join(f"{k} {n}" for k, n in events["kind"].value_counts().sort_index().items()))
        last = tables["timeseries"].groupby("replication")["date"].max().iloc[0]
        print(f"  last date {last:%Y-%m-%d}")
    elif kind == "sweep":
        runs = tables["runs"]
        print(f"  {len(runs)} runs, {int((runs['status'] == 'completed').sum())} completed")
        points = tables.get("points")
        if points is not None:
            parameter = points.columns[1]
            metric = next(c for c in points.columns if c.endswith("_mean"))
            if points[parameter].nunique() <= 8:
                means = points.groupby(parameter)[metric].mean()
                print(f"  {metric} by {parameter}: " + ", ".join(f"{k:g}: {v:.4f}" for k, v in means.items()))
            else:
                # A sampled design (Latin hypercube, Sobol, Morris): every point has its own value.
                print(f"  {metric} over {len(points)} points: {points[metric].min():.4f} to {points[metric].max():.4f}, "
                      f"correlation with {parameter} {points[metric].corr(points[parameter]):+.2f}")
        series = tables.get("timeseries")
        if series is not None:
            print(f"  time series: {series.groupby(['point', 'replication']).ngroups} runs of {series['step'].max() + 1} steps")
    elif kind == "comparison":
        comparison = tables["comparison"]
        rows = comparison[comparison["metric"] == "final_reputation"]
        for _, row in rows.iterrows():
            difference = "" if pd.isna(row["difference"]) else f", difference {row['difference']:+.4f} (p {row['p_value']:.3g})"
            print(f"  final_reputation, {row['side']}: mean {row['mean']:.4f}{difference}")
    elif kind == "calibration" and "posterior" in tables:
        # A posterior: each quantity's median and 95% credible interval, and whether the chains converged.
        for _, row in tables["summary"].iterrows():
            print(f"  posterior {row['quantity']}: median {row['median']:.4g}, 95% interval [{row['q025']:.4g}, {row['q975']:.4g}], "
                  f"R-hat {row['rhat']:.3f}")
        draws = tables["posterior"]
        print(f"  {len(draws)} draws from {draws['chain'].nunique()} chains")
    elif kind == "calibration":
        for _, row in tables["fit"].iterrows():
            print(f"  fitted {row['parameter']} = {row['value']:.6g}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for argument in sys.argv[1:]:
        summarise(argument)
