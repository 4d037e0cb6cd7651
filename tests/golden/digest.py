#!/usr/bin/env python3
"""Digest of a Trek HDF5 output apart from its provenance.

Prints one line per dataset and attribute, `path sha256-of-its-bytes`, in name order. The
provenance (who wrote it, when, how fast, with which command line and from which file path) is
left out, so that two files that hold the same results give the same digest wherever and
whenever they were written.
"""

import hashlib
import sys

import h5py
import numpy as np

# Attributes and datasets that describe how a file was made, not what it holds.
PROVENANCE = {
    "creator", "command_line", "wall_seconds", "threads", "started_utc", "scenario_file",
    "scenario_files", "sweep_file", "base_scenario",
    # the identity of a sweep across its shards: a hash of its inputs and of the creator
    "sweep_hash",
    # verbatim copies of the input files (comments and all); the resolved values stay in
    "scenario_texts", "sweep_text",
}


def value_bytes(value) -> bytes:
    if isinstance(value, (bytes, str)):
        return value.encode() if isinstance(value, str) else value
    array = np.asarray(value)
    if array.dtype.kind in "OSU":
        return "\x1f".join(
            v.decode() if isinstance(v, bytes) else str(v) for v in array.ravel()).encode()
    return array.tobytes()


def digest(path: str) -> list[str]:
    lines = []

    def attributes(name: str, node) -> None:
        for key in sorted(node.attrs):
            if key not in PROVENANCE:
                sha = hashlib.sha256(value_bytes(node.attrs[key])).hexdigest()
                lines.append(f"{name}@{key} {sha}")

    def visit(name: str, node) -> None:
        if name.split("/")[-1] in PROVENANCE:
            return
        attributes(name, node)
        if isinstance(node, h5py.Dataset):
            sha = hashlib.sha256(value_bytes(node[()])).hexdigest()
            lines.append(f"{name} {node.dtype.str}{list(node.shape)} {sha}")

    with h5py.File(path, "r") as file:
        attributes("", file)
        names = []
        file.visit(names.append)
        for name in sorted(names):
            if "/runtime" in "/" + name:  # wall time and threads of the run
                continue
            visit(name, file[name])
    return lines


if __name__ == "__main__":
    print("\n".join(digest(sys.argv[1])))
