"""Text processing: segmentation and tokenisation."""
