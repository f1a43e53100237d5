"""The operations a user can perform, in the spirit of Anki's operations.

The window (through its controller) and the command line call these for every write,
and nothing below them: an operation checks, records through the store's single write
path, and returns what changed; only then does the caller refresh what it shows.
Layers: ui, cli -> app -> export -> store -> domain.
"""
