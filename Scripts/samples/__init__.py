"""Drawing, encoding and folder layout of the generated sample applications (see make-samples.py)."""
