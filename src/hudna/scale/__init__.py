"""Scale-out: the same extraction over partitioned corpora on a Dask cluster.

partitions   byte ranges of a JSONL corpus, found by one streaming pass in the client
worker       what runs on a Dask worker: the pipeline built once per process, one
             partition in, FORMAT §2 lines (or events) out
cluster      a Client on a LocalCluster of N one-thread processes, or on a scheduler address
backfill     the client side: submit partitions, gather them in input order, write
"""
