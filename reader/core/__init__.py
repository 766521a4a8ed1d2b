"""Qt-free logic: documents, outlines, encodings, search, anchoring, export."""
