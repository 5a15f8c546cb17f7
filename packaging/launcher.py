"""The bundle's entry point: the photodesk command, safe to re-enter as a reader process."""

import multiprocessing

if __name__ == "__main__":
    # The indexer's reader pool uses "spawn": each reader starts this executable again, and
    # freeze_support() turns that start into a reader instead of a second photodesk command.
    multiprocessing.freeze_support()
    from photodesk.cli import main

    main(prog_name="photodesk")
