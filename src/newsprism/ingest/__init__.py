"""Readers for text, HTML, feeds and JSONL; article metadata; de-duplication."""
