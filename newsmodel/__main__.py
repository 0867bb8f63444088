"""``python -m newsmodel`` runs the command line."""

from newsmodel.cli import run

if __name__ == "__main__":
    run()
