"""Reports of batch runs: queries, the JSONL/CSV files and the HTML summary."""
