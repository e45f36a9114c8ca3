"""A corpus split into shards, built and served by a Dask cluster (``LocalCluster`` or a scheduler address)."""
