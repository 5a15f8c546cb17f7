"""Qt models of the desk and the catalog questions they ask, run off the GUI thread."""
