"""Agency wire ingest: IPTC ninjs and NewsML-G2 dispatches, versions, the wire desk."""
