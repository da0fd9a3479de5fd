"""Peak memory of the running benchmark process, shared by the throughput and scale benchmarks."""

import resource
from pathlib import Path


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started, in MB.

    From /proc (VmHWM, which exec resets); ru_maxrss would also count the parent's memory at the
    fork, and the benchmarks' parents have loaded the model or grown a large store first."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    """This process's resident memory now, in MB (VmRSS), or 0 where /proc cannot say."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0
