"""Reads a `trek run` results file: mean active users per platform at the last week (docs/output.md)."""
import sys
import h5py

with h5py.File(sys.argv[1], "r") as f:
    platforms = [name.decode() for name in f["parameters/platforms"][:]]
    active = f["observables/active/value"]             # [replicate][week][platform], agents
    weeks = f["observables/active/time"][:]              # weeks since the start
    last = active[:, -1, :].mean(axis=0)                 # mean over replicates
    for name, value in zip(platforms, last):
        print(f"{name:10s} {value:10.1f} active at week {weeks[-1]:.0f}")
