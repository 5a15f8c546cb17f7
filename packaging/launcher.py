"""The bundle's entry point: the photodesk command, safe to re-enter as a reader process."""

import multiprocessing

if __name__ == "__main__":
    # The indexer's readers come from multiprocessing's fork server (or are spawned where there
    # is none): the server, or each spawned reader, starts this executable again, and
    # freeze_support() turns that start into multiprocessing's instead of a photodesk command.
    multiprocessing.freeze_support()
    from photodesk.cli import main

    main(prog_name="photodesk")
