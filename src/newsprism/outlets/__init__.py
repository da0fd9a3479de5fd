"""Who publishes: outlet profiles (country, kind, control, language) and sides (named groups of outlets).

``profiles`` reads the packaged outlet table (``data/outlets.tsv``) plus a user's file and finds
the profile of an article's outlet string or URL; ``sides`` groups a story's outlets into sides;
``compare`` turns per-outlet comparisons (stances, omissions, wording, voices) into per-side ones.
"""

from newsprism.outlets.profiles import OutletProfile, OutletTable, UnreadableOutletFile, load_outlet_table

__all__ = ["OutletProfile", "OutletTable", "UnreadableOutletFile", "load_outlet_table"]
