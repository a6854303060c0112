"""What the data says for a selection: filters, yearly trends, lineage, cooperation, the story."""
