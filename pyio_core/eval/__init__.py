"""The evaluator: message chains run as Python generators on heap stacks (see engine.py)."""
