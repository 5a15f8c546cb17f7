"""Work off the GUI thread: core generators and catalog queries on threads, relayed as signals."""
