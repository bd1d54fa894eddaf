"""Data folders installed with carbonreg (links to the repository's folders); see generator/datadir.py."""
