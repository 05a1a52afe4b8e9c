"""Labelled evaluation set for the document heuristics (see Scripts/make-document-set.py).

One module per purpose: corpus input, pixel maths, geometry, surfaces, capture conditions,
writing, seals, synthetic pages, real pages, ID cards, photos, encoding, labels, the catalogue of
items and the runner. Everything is deterministic: each item draws from its own seeded generator.
"""
