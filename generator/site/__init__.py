"""The public website: compute a site model from a checked registry, render it, write it atomically."""
