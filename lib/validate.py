"""Command line: `python -m lib.validate PATH...` checks claims files and reports every problem."""
from __future__ import annotations

import sys

from lib.claims import ClaimsError, load_claims
from lib.i18n import _


def main(argv: list[str] | None = None) -> int:
    """Exit 0 with a summary line per valid file; exit 1 with one line per problem on stderr otherwise."""
    paths = sys.argv[1:] if argv is None else argv
    if not paths:
        print("usage: python -m lib.validate PATH...", file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        try:
            claims = load_claims(path)
        except ClaimsError as err:
            failed = True
            for problem in err.problems:
                print(problem, file=sys.stderr)
            continue
        except Exception as err:  # the promise is: never a traceback
            failed = True
            message = _("could not be checked ({error})").format(error=f"{type(err).__name__}: {err}")
            print(f"{path}:1: file: {message}", file=sys.stderr)
            continue
        summary = _("{claims} claims from {sources} sources, {entities} entities, {metrics} metrics").format(
            claims=len(claims), sources=claims["source"].nunique(), entities=claims["entity"].nunique(),
            metrics=claims["metric"].nunique())
        print(f"{path}: valid: {summary}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
