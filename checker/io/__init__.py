"""Reading inputs: plain-text files and JSONL feeds, with one-line errors naming the place."""
